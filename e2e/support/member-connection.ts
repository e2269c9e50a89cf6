import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { simulatorCredentials } from "./simulator";

type MemberRole = { arn: string; externalId?: string };

// Creates, through the wizard, a connection with the demo connection's key to one member
// account's role in the chosen regions only, and answers its id. A spec that owns such a
// connection deletes it at the end, so other specs' figures stay those of the world.
export async function createMemberRoleConnection(
  page: Page,
  name: string,
  account: string,
  regions: string[],
): Promise<string> {
  const sim = simulatorCredentials();
  const role = (sim.roles as MemberRole[]).find((candidate) => candidate.arn.includes(`::${account}:role/`));
  if (!role?.externalId) throw new Error(`The simulator's credentials list no member role in ${account}`);
  const user = sim.users[0];
  await page.goto("/connections/new");
  const steps = page.getByRole("navigation", { name: "Steps" });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await steps.getByRole("button", { name: "2. Credentials" }).click();
  await page.getByLabel("Access key ID").fill(user.accessKeyId);
  await page.getByLabel("Secret access key").fill(user.secretAccessKey);
  await steps.getByRole("button", { name: "3. Roles" }).click();
  await page.getByText("Enter my own external ID").click();
  await page.getByLabel("External ID", { exact: true }).fill(role.externalId);
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("A list of member roles").check();
  await page.getByLabel("Member role ARNs").fill(role.arn);
  await steps.getByRole("button", { name: "5. Regions" }).click();
  await page.getByLabel("Chosen regions").check();
  for (const region of regions) await page.getByLabel(region, { exact: true }).check();
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  await page.getByLabel("Custom endpoint URL (optional)").fill(sim.endpoint);
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

// Runs the connection from its page and waits for the run to end with `status`.
export async function runConnectionNow(page: Page, connectionId: string, status: string): Promise<void> {
  await page.goto(`/connections/${connectionId}`);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.waitForURL(/\/runs\/[^/?]+$/);
  await expect(page.getByTestId("run-status")).toHaveAttribute("data-status", status, { timeout: 60_000 });
}

// Deletes the connection as an admin does (its resources leave the live inventory with it).
export async function deleteConnection(page: Page, connectionId: string): Promise<void> {
  await page.goto(`/connections/${connectionId}`);
  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Delete" }).click();
  await page.waitForURL(/\/connections$/);
}

// A change to the simulated world through its control API (docs/simulator.md, Mutations).
export async function mutateSimulator(
  request: APIRequestContext,
  op: Record<string, unknown>,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request.post(`${simulatorCredentials().endpoint}/_sim/mutate`, { data: op });
  return { status: response.status(), body: (await response.json()) as Record<string, unknown> };
}
