import { expect, test, type Locator, type Page } from "@playwright/test";
import { instanceTypeFacts } from "../lib/licensing/instance-type-facts";
import { DEMO_NAMES, DEMO_WITHOUT_CPU_OPTIONS } from "../simulator/src/world/demo/layout";
import { buildPreset } from "../simulator/src/world/load";
import { World } from "../simulator/src/world/world";
import { ADMIN_STATE } from "./support/env";
import {
  createMemberRoleConnection,
  deleteConnection,
  mutateSimulator,
  runConnectionNow,
} from "./support/member-connection";

test.use({ storageState: ADMIN_STATE });

// The same world the e2e simulator serves (the demo preset, default seed): which instances
// answer DescribeInstances without CpuOptions, and what DescribeInstanceTypes documents.
const world = new World(buildPreset("demo"));
const ACCOUNT = DEMO_WITHOUT_CPU_OPTIONS[0].account;
const REGIONS = DEMO_WITHOUT_CPU_OPTIONS.filter((cell) => cell.account === ACCOUNT).map((cell) => cell.region);
const lacking = REGIONS.flatMap((region) =>
  world
    .region(ACCOUNT, region)!
    .instances.filter((instance) => instance.OmitCpuOptions)
    .map((instance) => ({ id: instance.InstanceId, type: instance.InstanceType, region })),
);

function documentedVcpus(type: string): number {
  const facts = world.instanceTypes().find((candidate) => candidate.InstanceType === type);
  if (!facts) throw new Error(`the demo world documents no ${type}`);
  return facts.VCpuInfo.DefaultVCpus;
}

// The region to deny DescribeInstanceTypes in: one holding both a type Cirrus's built-in table
// knows and one it does not, so the spec sees the fallback fill in and leave a cell empty.
const DENIED = DEMO_WITHOUT_CPU_OPTIONS.find(
  (cell) =>
    cell.account === ACCOUNT &&
    cell.types.some((type) => instanceTypeFacts(type)) &&
    cell.types.some((type) => !instanceTypeFacts(type)),
)!;
const DENY_POLICY = {
  op: "putRolePolicy",
  account: ACCOUNT,
  role: DEMO_NAMES.memberRole,
  name: "e2e-deny-instance-types",
  document: {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Deny",
        Action: "ec2:DescribeInstanceTypes",
        Resource: "*",
        Condition: { StringEquals: { "aws:RequestedRegion": DENIED.region } },
      },
    ],
  },
};

// The instance's row (searched by its ID within the connection) and its vCPUs cell.
async function instanceRow(
  page: Page,
  connectionId: string,
  instanceId: string,
): Promise<{ row: Locator; vcpus: Locator }> {
  await page.goto(`/inventory/instances?connection=${connectionId}&q=${instanceId}`);
  const row = page.getByTestId("inventory-row");
  await expect(row).toHaveCount(1);
  await expect(row.locator("td").first()).toHaveText(instanceId);
  const headers = await page.getByTestId("inventory-table").locator("thead th").allInnerTexts();
  const index = headers.findIndex((text) => text.replace(/[▲▼]/g, "").trim().toLowerCase() === "vcpus");
  expect(index, `a vCPUs column in ${headers.join("|")}`).toBeGreaterThanOrEqual(0);
  return { row, vcpus: row.locator("td").nth(index) };
}

// What the drawer says about the figure's source.
async function drawerNote(row: Locator): Promise<Locator> {
  await row.click();
  const drawer = row.page().getByRole("dialog");
  await expect(drawer).toBeVisible();
  return drawer.getByTestId("vcpu-source");
}

test.beforeAll(() => {
  // The world must hold what this spec is about; otherwise the loops below would prove nothing.
  expect(lacking.map((instance) => instance.type).sort()).toEqual(
    DEMO_WITHOUT_CPU_OPTIONS.filter((cell) => cell.account === ACCOUNT)
      .flatMap((cell) => cell.types)
      .sort(),
  );
  expect(DENIED, "a region holding a type the built-in table knows and one it does not").toBeDefined();
});

test("instances without CpuOptions show the vCPUs DescribeInstanceTypes documents, unmarked, and the drawer names that source", async ({
  page,
}) => {
  test.setTimeout(180_000);
  const connectionId = await createMemberRoleConnection(page, `vCPU facts ${Date.now()}`, ACCOUNT, REGIONS);
  try {
    await runConnectionNow(page, connectionId, "succeeded");
    for (const instance of lacking) {
      const vcpus = documentedVcpus(instance.type);
      const { row, vcpus: cell } = await instanceRow(page, connectionId, instance.id);
      await expect(cell, `${instance.type} in ${instance.region}`).toHaveAccessibleName(String(vcpus));
      await expect(cell.getByTestId("vcpu-built-in")).toHaveCount(0);
      await expect(await drawerNote(row)).toHaveText(
        `${vcpus} vCPUs. From DescribeInstanceTypes: the type's default topology (the instance reported no CpuOptions).`,
      );
    }
  } finally {
    await deleteConnection(page, connectionId);
  }
});

test("with DescribeInstanceTypes denied in one region, the built-in table fills in where it knows the type, the table marks it, the drawer says so, and unknown types stay empty", async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  let connectionId: string | undefined;
  const denied = await mutateSimulator(request, DENY_POLICY);
  expect(denied.status, JSON.stringify(denied.body)).toBe(200);
  try {
    connectionId = await createMemberRoleConnection(page, `vCPU fallback ${Date.now()}`, ACCOUNT, REGIONS);
    // Cirrus counts on without the type facts: the run is not partial for it.
    await runConnectionNow(page, connectionId, "succeeded");
    for (const instance of lacking) {
      const { row, vcpus: cell } = await instanceRow(page, connectionId, instance.id);
      const label = `${instance.type} in ${instance.region}`;
      const builtIn = instanceTypeFacts(instance.type);
      let note: string;
      if (instance.region !== DENIED.region) {
        // The same role may still call it in the other region: the documented figure, unmarked.
        const vcpus = documentedVcpus(instance.type);
        await expect(cell, label).toHaveAccessibleName(String(vcpus));
        await expect(cell.getByTestId("vcpu-built-in")).toHaveCount(0);
        note = `${vcpus} vCPUs. From DescribeInstanceTypes: the type's default topology (the instance reported no CpuOptions).`;
      } else if (builtIn) {
        // Marked for the eye (a word, with a tooltip) and for a screen reader (the cell's text).
        const mark = cell.getByTestId("vcpu-built-in");
        await expect(mark.getByText("built-in", { exact: true }), label).toBeVisible();
        await expect(mark).toHaveAttribute("title", /^From Cirrus's built-in table/);
        await expect(cell).toHaveAccessibleName(
          `${builtIn.vcpus} vCPUs from Cirrus's built-in table, not from AWS: DescribeInstanceTypes was denied or failed (or did not list this type)`,
        );
        await page.screenshot({ path: "/tmp/vcpu-built-in.png" });
        note = `${builtIn.vcpus} vCPUs. From Cirrus's built-in table: DescribeInstanceTypes was denied or failed (or did not list this type).`;
      } else {
        // Neither AWS nor the built-in table knows it: no figure rather than a guess.
        await expect(cell, label).toHaveText("—");
        await expect(cell.getByTestId("vcpu-built-in")).toHaveCount(0);
        note =
          "No vCPU figure. Unknown: the instance reported no CpuOptions, and neither DescribeInstanceTypes nor Cirrus's built-in table gave its type's topology.";
      }
      await expect(await drawerNote(row), label).toHaveText(note);
    }
  } finally {
    // Other specs (in any order) see the role as the world defines it, and none of these rows.
    expect(
      (
        await mutateSimulator(request, {
          op: "deleteRolePolicy",
          account: ACCOUNT,
          role: DEMO_NAMES.memberRole,
          name: DENY_POLICY.name,
        })
      ).status,
    ).toBe(200);
    if (connectionId) await deleteConnection(page, connectionId);
  }
});
