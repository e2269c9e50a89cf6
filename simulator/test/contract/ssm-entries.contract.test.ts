// SSM ListInventoryEntries through the real SDK client: one node's rows of one type in pages of
// MaxResults (1-50), followed by NextToken by hand (the SDK has no paginator for it), the SQL
// Server edition read from the registry, filters narrowing rows, and AWS's error codes.
// Expected rows come from the world definition.
import { ListInventoryEntriesCommand, type ListInventoryEntriesCommandInput, SSMClient } from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";
import { cellInstances, expectedApplications, instancesWithApplication, isAboutSecondsAgo } from "../ssm-expected";

let t: TestSim;
const keys = new Map<string, Keys>();
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

async function ssm(account: string, region: string): Promise<SSMClient> {
  if (!keys.has(account)) keys.set(account, await assumeMember(t, account));
  return new SSMClient(t.cfg(keys.get(account)!, region));
}

describe("SSM ListInventoryEntries", () => {
  const cell = DEMO_SOFTWARE_CELLS.sqlStandardByol;
  const region = DEMO_REGIONS.aws[cell.regionIndex][0];
  const sqlNode = () =>
    instancesWithApplication(t.spec, "Microsoft SQL Server 2019 (64-bit)").find(
      (x) => x.account === cell.account && x.region === region,
    )!.instance;

  async function allEntries(client: SSMClient, input: ListInventoryEntriesCommandInput) {
    // The SDK has no paginator for ListInventoryEntries: follow NextToken by hand.
    const rows: Record<string, string>[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await client.send(new ListInventoryEntriesCommand({ ...input, NextToken: token }));
      pages++;
      expect(page.Entries!.length).toBeLessThanOrEqual(input.MaxResults ?? 50);
      expect(page).toMatchObject({ InstanceId: input.InstanceId, TypeName: input.TypeName });
      rows.push(...page.Entries!);
      token = page.NextToken;
    } while (token);
    return { rows, pages };
  }

  it("pages one node's applications at MaxResults, with schema version and capture time", async () => {
    const node = sqlNode();
    const client = await ssm(cell.account, region);
    const input = { InstanceId: node.InstanceId, TypeName: "AWS:Application", MaxResults: 2 };
    const { rows, pages } = await allEntries(client, input);
    expect(rows).toEqual(expectedApplications(node));
    expect(pages).toBe(Math.ceil(node.Ssm!.Applications.length / 2));
    const one = await client.send(new ListInventoryEntriesCommand(input));
    expect(one.SchemaVersion).toBe("1.1");
    expect(isAboutSecondsAgo(one.CaptureTime!, node.Ssm!.InventorySecondsAgo!, 1800)).toBe(true);
  });

  it("reads the SQL Server edition from the registry, and narrows rows with filters", async () => {
    const node = sqlNode();
    const client = await ssm(cell.account, region);
    const input = {
      InstanceId: node.InstanceId,
      TypeName: "AWS:WindowsRegistry",
      Filters: [{ Key: "ValueName", Values: ["Edition"] }],
    };
    const { rows } = await allEntries(client, input);
    expect(rows).toEqual(node.Ssm!.Registry!.filter((r) => r.ValueName === "Edition"));
    expect(rows[0].KeyPath).toContain("MSSQL15.MSSQLSERVER\\Setup");
    expect(rows[0].Value).toBe("Standard Edition");
  });

  it("answers InvalidInstanceId, InvalidTypeNameException, InvalidNextToken and ValidationException", async () => {
    const node = sqlNode();
    const client = await ssm(cell.account, region);
    const send = (input: Partial<ListInventoryEntriesCommandInput>) =>
      failure(
        client.send(
          new ListInventoryEntriesCommand({ InstanceId: node.InstanceId, TypeName: "AWS:Application", ...input }),
        ),
      );
    const unmanaged = cellInstances(t.spec, cell.account, region).find((i) => !i.Ssm)!;
    expect((await send({ InstanceId: unmanaged.InstanceId })).name).toBe("InvalidInstanceId");
    expect((await send({ TypeName: "AWS:Nonsense" })).name).toBe("InvalidTypeNameException");
    expect((await send({ NextToken: "bm90IGEgdG9rZW4" })).name).toBe("InvalidNextToken");
    expect((await send({ MaxResults: 51 })).name).toBe("ValidationException");
    expect((await send({ MaxResults: 0 })).name).toBe("ValidationException");
  });
});
