import crypto from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { TaggedInventoryRow } from "../query/list-inventory-cursor";
import { COLUMNS } from "../query/columns";
import { exportColumns } from "./columns";
import type { ExportMeta } from "./text-streams";
import { xlsxStream } from "./xlsx-stream";

const meta: ExportMeta = {
  type: "instances",
  query: { filters: {}, sort: "instanceId", order: "asc", includeRemoved: false },
  exportedAt: new Date("2024-06-01T10:00:00Z"),
  snapshotAt: new Date("2024-06-01T09:30:00Z"),
  collectorVersion: "9.9.9",
};

function row(n: number, name = `web-${n}`): TaggedInventoryRow {
  const at = "2024-05-01T00:00:00.000Z";
  return {
    id: `row-${n}`,
    resourceId: `i-${n}`,
    connectionId: "c",
    connectionName: "prod",
    accountId: "012345678901",
    accountAlias: "main",
    region: "us-east-1",
    firstSeenAt: at,
    lastSeenAt: at,
    removedAt: null,
    removedReason: null,
    stale: null,
    seenBy: [],
    tags: { Name: name, Team: "=x" },
    fields: { instanceId: `i-${n}`, name, vcpus: n % 8, launchTime: at, state: "running" },
  };
}

async function* batches(count: number, size: number, pulled: { batches: number }) {
  for (let b = 0; b < count; b++) {
    pulled.batches++;
    // Random text: compressible filler would shrink to nothing in the zip and hide the bound.
    yield Array.from({ length: size }, (_, i) => row(b * size + i, crypto.randomBytes(100).toString("hex")));
  }
}

// A field's column in the sheet (1-based): headers are labels, so find the field by its key.
const columnOf = (key: string) => exportColumns("instances").findIndex((column) => column.key === key) + 1;

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  return Buffer.from(await new Response(stream).arrayBuffer());
}

describe("xlsxStream", () => {
  it("writes typed cells, a bold frozen header, neutralised text and an About sheet", async () => {
    async function* one() {
      yield [row(3, '=HYPERLINK("http://evil","x")'), row(4)];
    }
    const buffer = await readAll(
      xlsxStream(exportColumns("instances"), one(), meta, (error) => {
        throw error;
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("instances")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(exportColumns("instances").map((column) => column.label));
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const cell = (r: number, key: string) => sheet.getRow(r).getCell(columnOf(key)).value;
    expect(cell(2, "vcpus")).toBe(3);
    expect(cell(2, "name")).toBe('\'=HYPERLINK("http://evil","x")');
    expect(cell(2, "launchTime")).toEqual(new Date("2024-05-01T00:00:00Z"));
    expect(cell(2, "tags")).toBe(JSON.stringify({ Name: '=HYPERLINK("http://evil","x")', Team: "=x" }));
    expect(cell(3, "accountId")).toBe("012345678901");
    const about = Object.fromEntries(
      workbook
        .getWorksheet("About")!
        .getSheetValues()
        .slice(2)
        .map((values) => [(values as unknown[])[1], (values as unknown[])[2]]),
    );
    expect(about).toMatchObject({
      collectorVersion: "9.9.9",
      rowCount: 2,
      type: "instances",
      exportedAt: meta.exportedAt,
      snapshotAt: meta.snapshotAt,
    });
  });

  it("headers are the table's labels, with an auto-filter over every row and columns wide enough for their header", async () => {
    async function* two() {
      yield [row(1), row(2)];
      yield [row(3)];
    }
    const columns = exportColumns("instances");
    const buffer = await readAll(
      xlsxStream(columns, two(), meta, (error) => {
        throw error;
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("instances")!;
    expect(sheet.getRow(1).getCell(columnOf("instanceId")).value).toBe(
      COLUMNS.instances.find((column) => column.id === "instanceId")!.label,
    );
    const last = sheet.getRow(1).getCell(columns.length).address.replace(/\d+$/, "");
    expect(sheet.autoFilter).toBe(`A1:${last}4`);
    columns.forEach((column, index) => {
      const width = sheet.getColumn(index + 1).width!;
      expect(width, column.key).toBeGreaterThan(column.label.length);
      expect(width, column.key).toBeLessThanOrEqual(50);
    });
    // Sized to the first rows' values too: the launch time's date, the tags' JSON (up to the cap).
    expect(sheet.getColumn(columnOf("tags")).width).toBeGreaterThan(JSON.stringify(row(1).tags).length);
  });

  it("an empty view still gets labelled headers and a filter on them", async () => {
    async function* none(): AsyncGenerator<TaggedInventoryRow[]> {}
    const buffer = await readAll(
      xlsxStream(exportColumns("databases"), none(), { ...meta, type: "databases" }, (error) => {
        throw error;
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("databases")!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(
      exportColumns("databases").map((column) => column.label),
    );
    expect(sheet.rowCount).toBe(1);
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+1$/);
  });

  it("an XLSX cell with x;=1+cmd or a U+202E/NUL is neutralised and shows the control as ⟨U+XXXX⟩", async () => {
    async function* one() {
      yield [row(1, "x;=1+cmd|' /C calc'!A0"), row(2, "invoice\u202Etxt.exe\u0000")];
    }
    const buffer = await readAll(
      xlsxStream(exportColumns("instances"), one(), meta, (error) => {
        throw error;
      }),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("instances")!;
    const cell = (r: number, key: string) => sheet.getRow(r).getCell(columnOf(key)).value;
    expect(cell(2, "name")).toBe("'x;=1+cmd|' /C calc'!A0");
    expect(cell(3, "name")).toBe("invoice⟨U+202E⟩txt.exe⟨U+0000⟩");
    // JSON already writes NUL as the text \u0000; the override is shown like in the name.
    expect(cell(3, "tags")).toBe(
      JSON.stringify({ Name: "invoice\u202Etxt.exe\u0000", Team: "=x" }).replace("\u202E", "⟨U+202E⟩"),
    );
  });

  it("stops reading rows while the client does not read (bounded memory), then finishes", async () => {
    const pulled = { batches: 0 };
    const total = 60;
    const stream = xlsxStream(exportColumns("instances"), batches(total, 500, pulled), meta, (error) => {
      throw error;
    });
    // Wait until the writer stops asking for rows.
    for (let seen = -1; seen !== pulled.batches;) {
      seen = pulled.batches;
      await sleep(500);
    }
    // ~250 KB of XML per batch against a 1 MiB backlog bound: a handful of batches, not all.
    expect(pulled.batches).toBeLessThan(20);
    const buffer = await readAll(stream);
    expect(pulled.batches).toBe(total);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
    expect(workbook.getWorksheet("instances")!.rowCount).toBe(total * 500 + 1);
  }, 60_000);
});
