import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LEADING_INDEX_COLUMNS } from "./loose-scan";

// A loose scan over a column no index leads would read the whole table once per value.
describe("loose index scans", () => {
  it("are used only on columns that lead an index, a unique constraint or the key in both schemas", () => {
    for (const provider of ["sqlite", "postgresql"]) {
      const schema = fs.readFileSync(path.resolve(`prisma/${provider}/schema.prisma`), "utf8");
      for (const [table, columns] of Object.entries(LEADING_INDEX_COLUMNS)) {
        const model = new RegExp(`^model ${table} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)?.[1];
        expect(model, `${provider}: model ${table}`).toBeDefined();
        const leading = [...model!.matchAll(/@@(?:index|unique|id)\(\[\s*(\w+)/g)].map((match) => match[1]);
        for (const column of columns) expect(leading, `${provider}: ${table}.${column}`).toContain(column);
      }
    }
  });
});
