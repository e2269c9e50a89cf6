// SSM DescribeInstanceInformation through the real SDK client and its paginator: AWS's shapes,
// pages of MaxResults (5-50), filters, the demo's node without an agent and its stale node, and
// AWS's error codes. Expected nodes come from the world definition.
import {
  DescribeInstanceInformationCommand,
  type InstanceInformation,
  paginateDescribeInstanceInformation,
  SSMClient,
} from "@aws-sdk/client-ssm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_REGIONS, DEMO_SOFTWARE_CELLS } from "../../src/index";
import { assumeMember, failure, type Keys, startTestSim, type TestSim } from "../helpers";
import { cellInstances, expectedNodes, expectedPing, isAboutSecondsAgo } from "../ssm-expected";

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

const regionOf = (cell: { regionIndex: number }) => DEMO_REGIONS.aws[cell.regionIndex][0];

async function allNodes(client: SSMClient, input = {}, pageSize = 50) {
  const nodes: InstanceInformation[] = [];
  let pages = 0;
  for await (const page of paginateDescribeInstanceInformation({ client, pageSize }, input)) {
    pages++;
    expect(page.InstanceInformationList!.length).toBeLessThanOrEqual(pageSize);
    nodes.push(...page.InstanceInformationList!);
  }
  return { nodes, pages };
}

describe("SSM DescribeInstanceInformation", () => {
  it("lists every managed node of the cell with AWS's fields, in pages of MaxResults", async () => {
    const account = "333333333333";
    const region = "us-east-1";
    const expected = expectedNodes(t.spec, account, region);
    expect(expected.length).toBeGreaterThan(5);
    const { nodes, pages } = await allNodes(await ssm(account, region), {}, 5);
    expect(pages).toBe(Math.ceil(expected.length / 5));
    expect(nodes.map((n) => n.InstanceId)).toEqual(expected.map((i) => i.InstanceId));
    for (const [k, n] of nodes.entries()) {
      const i = expected[k];
      expect(n).toMatchObject({
        PingStatus: expectedPing(i),
        AgentVersion: i.Ssm!.AgentVersion,
        PlatformType: i.Platform === "windows" ? "Windows" : "Linux",
        PlatformName: i.Ssm!.PlatformName,
        PlatformVersion: i.Ssm!.PlatformVersion,
        ComputerName: i.Ssm!.ComputerName,
        IPAddress: i.PrivateIpAddress,
        ResourceType: "EC2Instance",
      });
      // A JSON timestamp (epoch seconds) the SDK turns into a Date; pings step by 5 minutes.
      expect(n.LastPingDateTime).toBeInstanceOf(Date);
      expect(isAboutSecondsAgo(n.LastPingDateTime!, i.Ssm!.LastPingSecondsAgo, 300)).toBe(true);
    }
  });

  it("leaves out the running instance without the agent", async () => {
    const cell = DEMO_SOFTWARE_CELLS.noAgent;
    const unmanaged = cellInstances(t.spec, cell.account, regionOf(cell)).filter(
      (i) => i.State.Name === "running" && !i.Ssm,
    );
    expect(unmanaged).toHaveLength(1);
    const { nodes } = await allNodes(await ssm(cell.account, regionOf(cell)));
    expect(nodes.map((n) => n.InstanceId)).not.toContain(unmanaged[0].InstanceId);
    expect(nodes).toHaveLength(expectedNodes(t.spec, cell.account, regionOf(cell)).length);
  });

  it("reports the stale node's lost connection and its ping of 40 days ago", async () => {
    const cell = DEMO_SOFTWARE_CELLS.staleInventory;
    const stale = cellInstances(t.spec, cell.account, regionOf(cell)).filter(
      (i) => i.Ssm?.PingStatus === "ConnectionLost",
    );
    expect(stale).toHaveLength(1);
    const client = await ssm(cell.account, regionOf(cell));
    const { nodes } = await allNodes(client, { Filters: [{ Key: "PingStatus", Values: ["ConnectionLost"] }] });
    expect(nodes.map((n) => n.InstanceId)).toEqual([stale[0].InstanceId]);
    expect(isAboutSecondsAgo(nodes[0].LastPingDateTime!, stale[0].Ssm!.LastPingSecondsAgo, 300)).toBe(true);
    expect(stale[0].Ssm!.LastPingSecondsAgo).toBeGreaterThan(30 * 86_400);
  });

  it("filters by InstanceIds, PlatformTypes, tag and the legacy filter list", async () => {
    const account = "222222222222";
    const region = "us-east-1";
    const client = await ssm(account, region);
    const expected = expectedNodes(t.spec, account, region);
    const two = expected.slice(0, 2).map((i) => i.InstanceId);
    expect(
      (await allNodes(client, { Filters: [{ Key: "InstanceIds", Values: two }] })).nodes.map((n) => n.InstanceId),
    ).toEqual(two);
    const windows = expected.filter((i) => i.Platform === "windows").map((i) => i.InstanceId);
    expect(windows.length).toBeGreaterThan(0);
    const byPlatform = await allNodes(client, { Filters: [{ Key: "PlatformTypes", Values: ["Windows"] }] });
    expect(byPlatform.nodes.map((n) => n.InstanceId)).toEqual(windows);
    const legacy = await allNodes(client, {
      InstanceInformationFilterList: [{ key: "PlatformTypes", valueSet: ["Windows"] }],
    });
    expect(legacy.nodes.map((n) => n.InstanceId)).toEqual(windows);
    const name = expected[0].Tags.find((x) => x.Key === "Name")!.Value;
    const byTag = await allNodes(client, { Filters: [{ Key: "tag:Name", Values: [name] }] });
    expect(byTag.nodes.map((n) => n.InstanceId)).toEqual([expected[0].InstanceId]);
  });

  it("answers AWS's error codes for bad MaxResults, tokens, filter keys and values", async () => {
    const client = await ssm("222222222222", "us-east-1");
    const send = (input: object) => failure(client.send(new DescribeInstanceInformationCommand(input)));
    expect(await send({ MaxResults: 4 })).toMatchObject({ name: "ValidationException", status: 400 });
    expect(await send({ MaxResults: 51 })).toMatchObject({ name: "ValidationException", status: 400 });
    expect((await send({ NextToken: "not-a-token" })).name).toBe("InvalidNextToken");
    // A token is only good for the query that issued it.
    const first = await client.send(new DescribeInstanceInformationCommand({ MaxResults: 5 }));
    expect(first.NextToken).toBeTruthy();
    const other = { Filters: [{ Key: "PlatformTypes", Values: ["Linux"] }], NextToken: first.NextToken };
    expect((await send(other)).name).toBe("InvalidNextToken");
    expect((await send({ Filters: [{ Key: "Colour", Values: ["red"] }] })).name).toBe("InvalidFilterKey");
    expect((await send({ Filters: [{ Key: "PingStatus", Values: ["Sleeping"] }] })).name).toBe(
      "InvalidInstanceInformationFilterValue",
    );
    expect((await send({ Filters: [{ Key: "InstanceIds", Values: ["vm-1"] }] })).name).toBe("InvalidInstanceId");
  });
});
