import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { simulatorCredentials, type SimulatorCredentials } from "./simulator";

type SimulatorUser = SimulatorCredentials["users"][number] & { mfaSerial?: string };

// Fills the connection wizard for the simulator: an IAM user's key (the first user unless told),
// us-east-1 and eu-west-1, and the simulator's URL as the custom endpoint.
export async function fillWizard(
  page: Page,
  name: string,
  secret: string,
  user: SimulatorUser = simulatorCredentials().users[0],
) {
  const sim = simulatorCredentials();
  const steps = page.getByRole("navigation", { name: "Steps" });
  await page.getByLabel("Name", { exact: true }).fill(name);
  await steps.getByRole("button", { name: "2. Credentials" }).click();
  await page.getByLabel("Access key ID").fill(user.accessKeyId);
  await page.getByLabel("Secret access key").fill(secret);
  await steps.getByRole("button", { name: "5. Regions" }).click();
  await page.getByLabel("Chosen regions").check();
  await page.getByLabel("us-east-1").check();
  await page.getByLabel("eu-west-1").check();
  await steps.getByRole("button", { name: "6. Proxy & schedule" }).click();
  await page.getByLabel("Custom endpoint URL (optional)").fill(sim.endpoint);
}

// The simulator's IAM user that needs MFA (its device serial is in the credentials file).
export function simulatorMfaUser(): SimulatorUser & { mfaSerial: string } {
  const user = (simulatorCredentials().users as SimulatorUser[]).find((candidate) => candidate.mfaSerial);
  if (!user?.mfaSerial) throw new Error("The simulator's credentials list no user with an MFA device");
  return { ...user, mfaSerial: user.mfaSerial };
}

// Creates a connection to the simulator through the wizard ("This account only", two regions)
// and answers its id; the page ends on the connection's detail page. With an MFA user, its
// device serial is entered too.
export async function createSimulatorConnection(
  page: Page,
  name: string,
  user: SimulatorUser = simulatorCredentials().users[0],
): Promise<string> {
  await page.goto("/connections/new");
  await fillWizard(page, name, user.secretAccessKey, user);
  const steps = page.getByRole("navigation", { name: "Steps" });
  if (user.mfaSerial) {
    await steps.getByRole("button", { name: "2. Credentials" }).click();
    await page.getByLabel("MFA device (optional)").fill(user.mfaSerial);
  }
  await steps.getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("This account only").check();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}

// A code the simulator accepts now for an MFA device.
export async function simulatorMfaCode(request: APIRequestContext, serial: string): Promise<string> {
  const response = await request.get(`${simulatorCredentials().endpoint}/_sim/mfa/${encodeURIComponent(serial)}/code`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { code: string }).code;
}
