import fs from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { RULE_PARAMETERS } from "../lib/licensing/rule-parameters";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS } from "../simulator/src/world/demo/layout";
import {
  cpuOf,
  demoWorldInstances,
  softwareKnown,
  sqlServerEdition,
  SQL_INCLUDED,
  type Placed,
} from "../tests/support/demo-software-expected";
import { csvObjects } from "../tests/support/parse-csv";
import { ADMIN_STATE } from "./support/env";
import { createMemberRoleConnection, deleteConnection, runConnectionNow } from "./support/member-connection";
import { signedInContext } from "./support/session";
import { createUserViaApi } from "./support/users";

test.use({ storageState: ADMIN_STATE });

// The same world the e2e simulator serves (the demo preset, default seed). The SQL Server BYOL
// lines it must give are worked out here from its instances, their SSM software and the instance
// type catalogue, with the rule's one parameter (at least N core licences per instance).
const CELL = {
  account: DEMO_SOFTWARE_CELLS.sqlStandardByol.account,
  region: DEMO_REGIONS.aws[DEMO_SOFTWARE_CELLS.sqlStandardByol.regionIndex][0],
};
const MIN_CORES = RULE_PARAMETERS.sqlServer.minCoresPerInstance;

type ExpectedLine = { id: string; edition: string; vcpus: number; quantity: number };

const world = demoWorldInstances();

// Every paid SQL Server edition on an EC2 instance the licence-included billing does not cover:
// one BYOL line, every vCPU a core licence, at least MIN_CORES.
function sqlByolLine(i: Placed): ExpectedLine | null {
  if (i.State.Name === "terminated" || i.State.Name === "shutting-down" || !softwareKnown(i)) return null;
  const sql = sqlServerEdition(i);
  if (!sql || sql.free || SQL_INCLUDED[i.UsageOperation ?? ""] === sql.edition) return null;
  const { vcpus } = cpuOf(i);
  return { id: i.InstanceId, edition: sql.edition, vcpus, quantity: Math.max(vcpus, MIN_CORES) };
}

const everyByolLine = world.flatMap((i) => sqlByolLine(i) ?? []);
const cellLines = world
  .filter((i) => i.account === CELL.account && i.region === CELL.region)
  .flatMap((i) => sqlByolLine(i) ?? []);

// What a person reads off the drill-down table: one entry per row.
async function linesShown(page: Page) {
  const rows = page.getByTestId("requirement-line");
  const shown: { id: string; quantity: number; arithmetic: string; row: Locator }[] = [];
  for (const row of await rows.all())
    shown.push({
      id: (await row.getAttribute("data-resource-id"))!,
      quantity: Number(await row.getByTestId("line-quantity").innerText()),
      arithmetic: await row.getByTestId("line-arithmetic").innerText(),
      row,
    });
  return shown;
}

async function download(page: Page, label: "CSV" | "JSON"): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page
      .getByTestId("position-export")
      .getByRole("link", { name: new RegExp(`^${label}`) })
      .click(),
  ]);
  expect(file.suggestedFilename()).toMatch(new RegExp(`^cirrus-licence-position-.*\\.${label.toLowerCase()}$`));
  return fs.readFileSync(await file.path(), "utf8").replace(/^\uFEFF/, "");
}

test.beforeAll(() => {
  // The world must hold what this spec is about; otherwise the checks below would prove nothing.
  expect(cellLines.length, `a SQL Server BYOL instance in ${CELL.account} ${CELL.region}`).toBeGreaterThan(0);
  expect(new Set(cellLines.map((line) => line.edition)).size).toBe(1);
});

test("a viewer drills from the SQL Server BYOL figure to its instances and their arithmetic, and the export of that view holds the same rows", async ({
  page,
  browser,
  request,
}) => {
  test.setTimeout(240_000);
  const edition = cellLines[0].edition;
  const connectionId = await createMemberRoleConnection(page, `Licences ${Date.now()}`, CELL.account, [CELL.region]);
  try {
    await runConnectionNow(page, connectionId, "succeeded");
    const viewer = await createUserViaApi(request, "viewer");
    const { context, page: viewerPage } = await signedInContext(browser, viewer.email, viewer.password);
    try {
      await viewerPage
        .getByRole("navigation", { name: "Main" })
        .getByRole("link", { name: "Licence position" })
        .click();
      await expect(viewerPage.getByRole("heading", { level: 1, name: "Licence position" })).toBeVisible();

      // The summary row of SQL Server <edition> core licences, and its BYOL figure.
      const summary = viewerPage.getByTestId("position-summary");
      const row = summary.locator(`tr[data-product="sql-server"][data-edition="${edition}"]`);
      await expect(row).toHaveCount(1);
      const figure = row.getByRole("link", {
        name: new RegExp(`: Microsoft SQL Server ${edition}, BYOL core licences$`),
      });
      const figureValue = Number((await figure.innerText()).replace(/,/g, ""));
      expect(Number.isInteger(figureValue), await figure.innerText()).toBe(true);

      // The run just made kept a snapshot with licence figures: the Trend says the group's peak in words.
      const trendRow = viewerPage
        .getByTestId("licence-trend")
        .locator(`tr[data-product="sql-server"][data-edition="${edition}"]`);
      await expect(trendRow.getByTestId("trend-peak")).toHaveText(
        /^Peak: [\d,]+ core licences? on \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC \(highest of [\d,]+ snapshots?\)/,
      );
      await figure.click();

      await expect(viewerPage).toHaveURL(/\/licence-position\?.*basis=BYOL/);
      await expect(viewerPage.getByRole("heading", { level: 1 })).toHaveText(
        `Microsoft SQL Server ${edition}: BYOL core licences`,
      );
      const shown = await linesShown(viewerPage);

      // The figure clicked is the sum of the lines shown, and the page says so.
      expect(shown.reduce((sum, line) => sum + line.quantity, 0)).toBe(figureValue);
      await expect(viewerPage.getByTestId("lines-total")).toContainText(`${figureValue} core licences`);

      // Every line is one the world gives (other specs' connections may add theirs), and this
      // connection's cell gives all of its own, each with the rule's arithmetic.
      const byId = new Map(everyByolLine.map((line) => [line.id, line]));
      for (const line of shown) expect(byId.has(line.id), `${line.id} is a SQL Server BYOL instance`).toBe(true);
      for (const expected of cellLines) {
        const line = shown.find((candidate) => candidate.id === expected.id);
        expect(line, `${expected.id} on the page`).toBeDefined();
        expect(line!.quantity).toBe(expected.quantity);
        expect(line!.arithmetic).toContain(`SQL Server ${expected.edition} BYOL on EC2, ${expected.vcpus} vCPUs`);
        expect(line!.arithmetic).toContain(`max(${expected.vcpus}, ${MIN_CORES}) = ${expected.quantity} core licences`);
        await expect(line!.row).toContainText(CELL.account);
        await expect(line!.row).toContainText(CELL.region);
      }

      // The export of this view: the same instances with the same quantities and arithmetic.
      const pageRows = shown.map(({ id, quantity, arithmetic }) => ({ id, quantity, arithmetic })).sort(byId_);
      const csv = csvObjects(await download(viewerPage, "CSV"));
      expect(
        csv
          .map((r) => ({ id: r["Resource ID"], quantity: Number(r["Quantity"]), arithmetic: r["Arithmetic"] }))
          .sort(byId_),
      ).toEqual(pageRows);
      for (const r of csv) {
        expect(r["Basis"]).toBe("BYOL");
        expect(r["Edition"]).toBe(edition);
      }
      const json = JSON.parse(await download(viewerPage, "JSON")) as {
        rows: { resourceId: string; quantity: number; arithmetic: string }[];
      };
      expect(
        json.rows.map((r) => ({ id: r.resourceId, quantity: r.quantity, arithmetic: r.arithmetic })).sort(byId_),
      ).toEqual(pageRows);
    } finally {
      await context.close();
    }
  } finally {
    await deleteConnection(page, connectionId);
  }
});

function byId_(a: { id: string }, b: { id: string }) {
  return a.id.localeCompare(b.id);
}
