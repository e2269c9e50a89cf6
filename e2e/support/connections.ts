import { expect, type Page } from "@playwright/test";
import { simulatorCredentials } from "./simulator";

// Fills the connection wizard for the simulator: its first IAM user's key, us-east-1 and
// eu-west-1, and the simulator's URL as the custom endpoint.
export async function fillWizard(page: Page, name: string, secret: string) {
  const sim = simulatorCredentials();
  const user = sim.users[0];
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

// Creates a connection to the simulator through the wizard ("This account only", two regions)
// and answers its id; the page ends on the connection's detail page.
export async function createSimulatorConnection(page: Page, name: string): Promise<string> {
  await page.goto("/connections/new");
  await fillWizard(page, name, simulatorCredentials().users[0].secretAccessKey);
  await page.getByRole("navigation", { name: "Steps" }).getByRole("button", { name: "4. Accounts" }).click();
  await page.getByLabel("This account only").check();
  await page.getByRole("button", { name: "Save connection" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  return new URL(page.url()).pathname.split("/").pop()!;
}
