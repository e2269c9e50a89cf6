import fs from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { exportColumns } from "../lib/inventory/export/columns";
import { byFieldKey, exportLabel } from "../tests/support/export-headers";
import { csvObjects } from "../tests/support/parse-csv";
import { createSimulatorConnection } from "./support/connections";
import { ADMIN_STATE } from "./support/env";
import { signedInContext } from "./support/session";
import { simulatorCredentials } from "./support/simulator";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

const FORMULA = '=HYPERLINK("http://evil.test","click")';
// A formula after a `;`: a spreadsheet reading the CSV with `;` as separator would run it.
const SEMICOLON_FORMULA = "x;=1+cmd|' /C calc'!A0";
// A right-to-left override: "invoice" then "exe.txt" shown reversed as "txt.exe".
const BIDI = "invoice\u202Eexe.txt";
const BIDI_SHOWN = "invoice⟨U+202E⟩exe.txt";
type Row = {
  resourceId: string;
  accountId: string;
  region: string;
  fields: Record<string, string | number | boolean | null>;
};

async function runNow(page: Page, connectionId: string) {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", "succeeded", { timeout: 60_000 });
}

async function download(page: Page, format: "CSV" | "XLSX"): Promise<{ file: Download; bytes: Buffer }> {
  await page.getByTestId("export-menu").getByText("Export", { exact: true }).click();
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByTestId("export-menu")
      .getByRole("link", { name: new RegExp(`^${format}`) })
      .click(),
  ]);
  return { file, bytes: fs.readFileSync(await file.path()) };
}

test("a viewer exports the filtered view as CSV and XLSX from the Export menu, formulas neutralised, `;=` quoted and U+202E shown", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const connectionId = await createSimulatorConnection(page, `Export ${Date.now()}`);
  await runNow(page, connectionId);

  // A tag value a spreadsheet would run: the Name tag of one us-east-1 instance, collected again.
  const listed = await request.get(`/api/v1/instances?connection=${connectionId}&region=us-east-1&limit=1000`);
  expect(listed.status()).toBe(200);
  const [target, semicolonTarget, bidiTarget] = (await listed.json()).data as Row[];
  const sim = simulatorCredentials().endpoint;
  const mutate = (row: Row, name: string | null) =>
    request.post(`${sim}/_sim/mutate`, {
      data: {
        op: "setInstanceTags",
        account: row.accountId,
        region: row.region,
        id: row.resourceId,
        tags: { Name: name },
      },
    });
  const originalName = (row: Row) => (typeof row.fields.name === "string" ? row.fields.name : null);
  expect((await mutate(target, FORMULA)).status()).toBe(200);
  expect((await mutate(semicolonTarget, SEMICOLON_FORMULA)).status()).toBe(200);
  expect((await mutate(bidiTarget, BIDI)).status()).toBe(200);
  await runNow(page, connectionId);

  try {
    const viewer = await createUserViaApi(request, "viewer");
    const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
    const filter = `connection=${connectionId}&region=us-east-1&sort=vcpus&order=desc`;
    await viewerPage.goto(`/inventory/instances?${filter}&pageSize=2`);
    await expect(viewerPage.getByTestId("inventory-row").first()).toBeVisible();
    const total = Number((await viewerPage.getByTestId("inventory-total").innerText()).split(" ")[0].replace(/,/g, ""));
    expect(total).toBeGreaterThan(2);
    // What the API answers for the same view, as this viewer.
    const apiRows = (await (await viewerPage.request.get(`/api/v1/instances?${filter}&limit=1000`)).json())
      .data as Row[];
    expect(apiRows).toHaveLength(total);

    // CSV: every row of the view (not just the page of 2), same order, numbers as numbers.
    const csv = await download(viewerPage, "CSV");
    expect(csv.file.suggestedFilename()).toMatch(/^cirrus-instances-\d{8}-\d{6}\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Headers are the table's labels; read back by field key.
    const csvRows = csvObjects(csv.bytes.subarray(3).toString("utf8"));
    expect(Object.keys(csvRows[0])).toEqual(
      expect.arrayContaining([
        exportLabel("instances", "instanceId"),
        exportLabel("instances", "vcpus"),
        exportLabel("instances", "lastSeenAt"),
      ]),
    );
    const records = byFieldKey("instances", csvRows);
    expect(records.map((record) => record.instanceId)).toEqual(apiRows.map((row) => row.resourceId));
    expect(records.map((record) => record.vcpus)).toEqual(
      apiRows.map((row) => (row.fields.vcpus === null ? "" : String(row.fields.vcpus))),
    );
    const tricky = records.find((record) => record.instanceId === target.resourceId)!;
    expect(tricky.name).toBe(`'${FORMULA}`);
    expect(JSON.parse(tricky.tags).Name).toBe(FORMULA); // inside the JSON text, which starts with "{"
    // `;=`: prefixed and quoted, so a `;`-separated reader keeps one text cell.
    const csvText = csv.bytes.toString("utf8");
    expect(records.find((record) => record.instanceId === semicolonTarget.resourceId)!.name).toBe(
      `'${SEMICOLON_FORMULA}`,
    );
    expect(csvText).toContain(`"'${SEMICOLON_FORMULA}"`);
    // U+202E as visible text, nowhere raw in the file.
    expect(records.find((record) => record.instanceId === bidiTarget.resourceId)!.name).toBe(BIDI_SHOWN);
    expect(csvText).not.toContain("\u202E");
    for (const record of records) {
      expect(record.region).toBe("us-east-1");
      expect(Object.values(record).some((value) => /^[=+\-@\t\r]/.test(value))).toBe(false);
    }

    // XLSX: the same rows, vCPUs as number cells, the same formula guard.
    const xlsx = await download(viewerPage, "XLSX");
    expect(xlsx.file.suggestedFilename()).toMatch(/^cirrus-instances-\d{8}-\d{6}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.getWorksheet("instances")!;
    const header = (sheet.getRow(1).values as string[]).slice(1);
    expect(header).toEqual(exportColumns("instances").map((column) => column.label));
    const cell = (row: number, key: string) =>
      sheet.getRow(row).getCell(header.indexOf(exportLabel("instances", key)) + 1);
    expect(sheet.rowCount - 1).toBe(apiRows.length);
    // A filter button on every header, over every row.
    expect(sheet.autoFilter).toBe(
      `A1:${sheet.getRow(1).getCell(header.length).address.replace(/\d+$/, "")}${apiRows.length + 1}`,
    );
    expect(sheet.getColumn(header.indexOf(exportLabel("instances", "instanceId")) + 1).width).toBeGreaterThan(
      String(apiRows[0].resourceId).length,
    );
    apiRows.forEach((row, index) => {
      expect(cell(index + 2, "instanceId").value).toBe(row.resourceId);
      if (row.fields.vcpus !== null) {
        expect(cell(index + 2, "vcpus").type).toBe(ExcelJS.ValueType.Number);
        expect(cell(index + 2, "vcpus").value).toBe(row.fields.vcpus);
      }
    });
    expect(cell(apiRows.findIndex((row) => row.resourceId === target.resourceId) + 2, "name").value).toBe(
      `'${FORMULA}`,
    );
    expect(cell(apiRows.findIndex((row) => row.resourceId === semicolonTarget.resourceId) + 2, "name").value).toBe(
      `'${SEMICOLON_FORMULA}`,
    );
    expect(cell(apiRows.findIndex((row) => row.resourceId === bidiTarget.resourceId) + 2, "name").value).toBe(
      BIDI_SHOWN,
    );
    expect(cell(2, "launchTime").type).toBe(ExcelJS.ValueType.Date);
    expect(workbook.getWorksheet("About")).toBeDefined();

    // The table and the drawer show the override as text instead of reversing what follows it.
    await viewerPage.goto(`/inventory/instances?connection=${connectionId}&q=invoice`);
    await expect(viewerPage.getByTestId("inventory-row")).toHaveCount(1);
    await expect(viewerPage.getByTestId("inventory-row")).toContainText(BIDI_SHOWN);
    await viewerPage.getByTestId("inventory-row").click();
    await expect(viewerPage.getByRole("dialog")).toContainText(BIDI_SHOWN);
    expect(await viewerPage.locator("body").innerText()).not.toContain("\u202E");
    await context.close();
  } finally {
    // Other specs collect the same simulator world.
    await mutate(target, originalName(target));
    await mutate(semicolonTarget, originalName(semicolonTarget));
    await mutate(bidiTarget, originalName(bidiTarget));
  }
});
