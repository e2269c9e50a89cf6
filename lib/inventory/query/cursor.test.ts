import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "../../errors";
import { resourceBySlug } from "../../resources/registry";
import { TYPE_CONFIG } from "./config";
import { decodeCursor, encodeCursor, isNullable, keysetOrderBy, keysetRanges, type CursorPosition } from "./cursor";
import { or, type Dialect } from "./sql";
import { INVENTORY_TYPES, type InventoryType } from "./types";

const byVcpus = { sort: "vcpus", order: "desc" as const };

describe("cursor encoding", () => {
  it("round-trips numbers, dates, booleans and NULLs", () => {
    const cases = [
      ["instances", byVcpus, 8],
      ["instances", byVcpus, null],
      ["instances", { sort: "launchTime", order: "asc" as const }, new Date("2024-01-02T03:04:05.678Z")],
      ["databases", { sort: "multiAz", order: "asc" as const }, true],
      ["instances", { sort: "instanceId", order: "asc" as const }, "i-1"],
    ] as const;
    for (const [type, query, value] of cases) {
      const cursor = encodeCursor(query, { value, resourceId: "r-1", id: "row-1" });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeCursor(type, query, cursor)).toEqual({ value, resourceId: "r-1", id: "row-1" });
    }
  });

  it("rejects garbage, another sort, and values that do not fit the column with a ValidationError on `cursor`", () => {
    const good = encodeCursor(byVcpus, { value: 8, resourceId: "i-1", id: "x" });
    const bad = [
      "not a cursor!",
      Buffer.from("[1,2]").toString("base64url"),
      Buffer.from("{").toString("base64url"),
      encodeCursor({ sort: "name", order: "desc" }, { value: "a", resourceId: "i-1", id: "x" }),
      encodeCursor({ sort: "vcpus", order: "asc" }, { value: 8, resourceId: "i-1", id: "x" }),
      encodeCursor(byVcpus, { value: "eight", resourceId: "i-1", id: "x" }),
      "x".repeat(5000),
    ];
    expect(decodeCursor("instances", byVcpus, good).value).toBe(8);
    for (const cursor of bad) {
      const error = (() => {
        try {
          decodeCursor("instances", byVcpus, cursor);
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, cursor).toBeInstanceOf(ValidationError);
      expect(Object.keys((error as ValidationError).fieldErrors)).toEqual(["cursor"]);
    }
    // NULL only where the column may hold one.
    expect(() =>
      decodeCursor(
        "instances",
        { sort: "region", order: "asc" },
        encodeCursor({ sort: "region", order: "asc" }, { value: null, resourceId: "i", id: "x" }),
      ),
    ).toThrow(ValidationError);
  });
});

describe("cursor values the database cannot hold (issue 10: 500 instead of 400)", () => {
  const forged = (sort: string, v: unknown, r: unknown = "i-1") =>
    Buffer.from(JSON.stringify({ s: sort, o: "asc", v, r, i: "x" })).toString("base64url");
  it("a cursor with vcpus 1e300, 1.5 or past 32 bits, a launchTime in year -271821 or 10000, or text with NUL is a ValidationError on `cursor`", () => {
    const bad: [string, unknown, unknown?][] = [
      ["vcpus", 1e300],
      ["vcpus", 1.5],
      ["vcpus", 2 ** 31],
      ["launchTime", "-271821-04-20T00:00:00.000Z"],
      ["launchTime", "+010000-01-01T00:00:00.000Z"],
      ["launchTime", "1969-12-31T23:59:59.999Z"],
      ["name", "a\u0000b"],
      ["name", "\ud800"],
      ["name", "x".repeat(1025)],
      ["instanceId", "i-1", "i-\u0000"],
    ];
    for (const [sort, v, r] of bad) {
      expect(
        () => decodeCursor("instances", { sort, order: "asc" }, forged(sort, v, r)),
        `${sort} ${String(v)}`,
      ).toThrow(ValidationError);
    }
    expect(decodeCursor("instances", { sort: "vcpus", order: "asc" }, forged("vcpus", 2 ** 31 - 1)).value).toBe(
      2 ** 31 - 1,
    );
    expect(
      decodeCursor("instances", { sort: "launchTime", order: "asc" }, forged("launchTime", "9999-12-31T23:59:59.999Z"))
        .value,
    ).toEqual(new Date("9999-12-31T23:59:59.999Z"));
  });
});

// The rows after a cursor as one condition: any of the index ranges readPage reads in turn.
const keysetWhere = (
  dialect: Dialect,
  type: InventoryType,
  query: { sort: string; order: "asc" | "desc" },
  after: CursorPosition,
) => or(keysetRanges(dialect, type, query, after).map((range) => range.where));

describe("keyset order and where", () => {
  it("puts NULLs last explicitly on nullable columns only, with the row id as tie-breaker in the sort's direction", () => {
    expect(keysetOrderBy("instances", byVcpus).sql).toBe('"vcpus" DESC NULLS LAST, "id" DESC');
    expect(keysetOrderBy("instances", { sort: "region", order: "asc" }).sql).toBe('"region" ASC, "id" ASC');
    expect(keysetOrderBy("instances", { sort: "instanceId", order: "asc" }).sql).toBe('"instanceId" ASC, "id" ASC');
    expect(keysetOrderBy("hosts", { sort: "hostId", order: "desc" }).sql).toBe('"hostId" DESC, "id" DESC');
  });

  it("orders each range the way its index reads: values without NULLS LAST (there are none), NULLs by row id", () => {
    const orders = (after: CursorPosition | null) =>
      keysetRanges("postgresql", "instances", byVcpus, after).map((range) => range.orderBy.text);
    const values = '"vcpus" DESC, "id" DESC';
    const nulls = '"id" DESC';
    expect(orders(null)).toEqual([values, nulls]);
    expect(orders({ value: 4, resourceId: "i-5", id: "row" })).toEqual([values, nulls]);
    expect(orders({ value: null, resourceId: "i-5", id: "row" })).toEqual([nulls]);
    expect(
      keysetRanges("sqlite", "instances", { sort: "region", order: "asc" }, null).map((r) => r.orderBy.sql),
    ).toEqual(['"region" ASC, "id" ASC']);
  });

  it("after a value: further values, the same value with later ids, then NULLs; after a NULL: later NULLs only", () => {
    // Row values: ranges an index on (column, row id) seeks to directly.
    const afterFour = keysetWhere("sqlite", "instances", byVcpus, { value: 4, resourceId: "i-5", id: "row" });
    expect(afterFour.sql).toBe('(("vcpus", "id") < (?, ?) OR "vcpus" IS NULL)');
    expect(afterFour.values).toEqual([4, "row"]);
    expect(keysetWhere("sqlite", "instances", byVcpus, { value: null, resourceId: "i-5", id: "row" }).sql).toBe(
      `("vcpus" IS NULL AND "id" < ?)`,
    );
    const byId = keysetWhere(
      "postgresql",
      "instances",
      { sort: "instanceId", order: "asc" },
      { value: "i-5", resourceId: "i-5", id: "row" },
    );
    expect(byId.text).toBe('("instanceId", "id") > ($1, $2)');
    // Booleans: false < true; SQLite stores them as 0 / 1, PostgreSQL as booleans.
    const multiAz = { sort: "multiAz", order: "asc" as const };
    const afterFalse = keysetWhere("sqlite", "databases", multiAz, { value: false, resourceId: "db", id: "row" });
    expect(afterFalse.sql).toBe('(("multiAz", "id") > (?, ?) OR "multiAz" IS NULL)');
    expect(afterFalse.values).toEqual([0, "row"]);
    const afterTrue = keysetWhere("postgresql", "databases", multiAz, { value: true, resourceId: "db", id: "row" });
    expect(afterTrue.values).toEqual([true, "row"]);
    // Dates compare with the text SQLite stores.
    const launch = new Date("2024-01-02T03:04:05.678Z");
    expect(
      keysetWhere(
        "sqlite",
        "instances",
        { sort: "launchTime", order: "asc" },
        { value: launch, resourceId: "i", id: "r" },
      ).values[0],
    ).toBe("2024-01-02T03:04:05.678+00:00");
  });
});

describe("NULL ordering", () => {
  // Prisma rejects `nulls` on a required column and SQLite sorts NULLs first without it: a
  // wrong guess either fails every page sorted by that column or skips rows across pages.
  it("treats exactly the schema's optional columns as nullable, for every sortable column of every type", () => {
    const schema = fs.readFileSync(path.resolve("prisma/sqlite/schema.prisma"), "utf8");
    for (const type of INVENTORY_TYPES) {
      const model = new RegExp(`^model ${resourceBySlug(type).store.table} \\{([\\s\\S]*?)^\\}`, "m").exec(schema)![1];
      for (const column of TYPE_CONFIG[type].sortable) {
        const declared = new RegExp(`^\\s+${column}\\s+(\\w+)(\\??)`, "m").exec(model);
        expect(declared, `${type}.${column} in the schema`).not.toBeNull();
        expect(isNullable(type, column), `${type}.${column}`).toBe(declared![2] === "?");
      }
    }
  });
});
