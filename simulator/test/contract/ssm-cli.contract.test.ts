// The AWS CLI (botocore, not the JavaScript SDK) reads the simulator's SSM Inventory: its own
// signing, its own paginators (--page-size, following NextToken itself) and its own error
// output. Needs `aws` installed (pip install awscli, beside moto); without it the suite fails saying
// so. Expected values come from the world definition.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS, DEMO_SSM_INVENTORY_DENIED } from "../../src/index";
import { assumeMember, type Keys, startTestSim, type TestSim } from "../helpers";
import { expectedApplications, expectedInventoried, expectedNodes, instancesWithApplication } from "../ssm-expected";

const run = promisify(execFile);
const AWS = ["/root/.pyenv/shims/aws", "/usr/local/bin/aws", "/usr/bin/aws"].find((p) => existsSync(p)) ?? "aws";
const cliVersion = await run(AWS, ["--version"]).then(
  (r) => `${r.stdout}${r.stderr}`.trim(),
  () => undefined,
);

let t: TestSim;
const keys = new Map<string, Keys>();
beforeAll(async () => {
  if (!cliVersion) throw new Error("The AWS CLI (`aws`) is not installed: pip install awscli, then rerun.");
  t = await startTestSim();
});
afterAll(() => t?.sim.close());

/** Runs `aws ssm <args>` as the member role of `account`: its exit code, output and errors. */
async function runAwsSsm(account: string, region: string, args: string[]) {
  if (!keys.has(account)) keys.set(account, await assumeMember(t, account));
  const k = keys.get(account)!;
  // Only what the CLI needs: nothing from the machine's own AWS setup may leak in.
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    AWS_ACCESS_KEY_ID: k.accessKeyId,
    AWS_SECRET_ACCESS_KEY: k.secretAccessKey,
    AWS_SESSION_TOKEN: k.sessionToken,
    AWS_CONFIG_FILE: "/dev/null",
    AWS_SHARED_CREDENTIALS_FILE: "/dev/null",
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_PAGER: "",
  } as unknown as NodeJS.ProcessEnv;
  // Version 2 pages its output through `less` unless told not to; version 1 has no such option.
  const pager = cliVersion?.startsWith("aws-cli/2") ? ["--no-cli-pager"] : [];
  const common = ["--endpoint-url", t.url, "--region", region, "--output", "json", ...pager];
  try {
    const { stdout, stderr } = await run(AWS, ["ssm", ...args, ...common], { env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, stdout: err.stdout ?? "", stderr: err.stderr ?? "" };
  }
}

/** The JSON a successful `aws ssm` call printed. */
async function awsSsm<T>(account: string, region: string, args: string[]): Promise<T> {
  const out = await runAwsSsm(account, region, args);
  if (out.code !== 0) throw new Error(`aws ssm ${args[0]} exited ${out.code}: ${out.stderr}`);
  return JSON.parse(out.stdout) as T;
}

const regionOf = (cell: { regionIndex: number }) => DEMO_REGIONS.aws[cell.regionIndex][0];

describe("AWS CLI against the simulator's SSM", () => {
  const account = DEMO_SOFTWARE_CELLS.sqlStandardByol.account;
  const region = regionOf(DEMO_SOFTWARE_CELLS.sqlStandardByol);

  it("aws ssm describe-instance-information pages through every managed node of the cell", async () => {
    const { InstanceInformationList: list } = await awsSsm<{ InstanceInformationList: Record<string, unknown>[] }>(
      account,
      region,
      ["describe-instance-information", "--page-size", "5"],
    );
    const expected = expectedNodes(t.spec, account, region);
    expect(expected.length).toBeGreaterThan(5);
    expect(list.map((n) => n.InstanceId)).toEqual(expected.map((i) => i.InstanceId));
    expect(list.map((n) => n.PlatformType)).toEqual(
      expected.map((i) => (i.Platform === "windows" ? "Windows" : "Linux")),
    );
  });

  it("aws ssm get-inventory returns the applications of every node, following NextToken itself", async () => {
    const args = ["get-inventory", "--result-attributes", "TypeName=AWS:Application", "--page-size", "3"];
    type Entities = { Entities: { Id: string; Data: Record<string, { Content: unknown }> }[] };
    const { Entities: entities } = await awsSsm<Entities>(account, region, args);
    const expected = expectedInventoried(t.spec, account, region);
    expect(expected.length).toBeGreaterThan(3);
    expect(entities.map((e) => e.Id)).toEqual(expected.map((i) => i.InstanceId));
    for (const [k, e] of entities.entries())
      expect(e.Data["AWS:Application"].Content).toEqual(expectedApplications(expected[k]));
  });

  it("aws ssm get-inventory --filters finds the Oracle node", async () => {
    const cell = DEMO_SOFTWARE_CELLS.oracleEnterprise;
    const filter = "Key=AWS:Application.Name,Values=oracle-database-ee-19c,Type=Equal";
    const out = await awsSsm<{ Entities: { Id: string }[] }>(cell.account, regionOf(cell), [
      "get-inventory",
      "--filters",
      filter,
    ]);
    const ids = out.Entities.map((e) => e.Id);
    const expected = instancesWithApplication(t.spec, "oracle-database-ee-19c").filter(
      (x) => x.account === cell.account && x.region === regionOf(cell),
    );
    expect(ids).toEqual(expected.map((x) => x.instance.InstanceId));
  });

  it("aws ssm list-inventory-entries reads the SQL Server edition from the registry", async () => {
    const node = instancesWithApplication(t.spec, "Microsoft SQL Server 2019 (64-bit)").find(
      (x) => x.account === account && x.region === region,
    )!.instance;
    const args = ["list-inventory-entries", "--instance-id", node.InstanceId, "--type-name", "AWS:WindowsRegistry"];
    const json = await awsSsm<{ InstanceId: string; TypeName: string; Entries: unknown[] }>(account, region, args);
    expect(json).toMatchObject({ InstanceId: node.InstanceId, TypeName: "AWS:WindowsRegistry" });
    expect(json.Entries).toEqual(node.Ssm!.Registry);
  });

  it("fails with AccessDeniedException where ssm:GetInventory is denied", async () => {
    const d = DEMO_SSM_INVENTORY_DENIED.aws;
    const out = await runAwsSsm(d.account, d.region, ["get-inventory"]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain("AccessDeniedException");
  });
});
