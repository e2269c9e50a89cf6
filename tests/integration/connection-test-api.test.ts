// POST /api/connections/test as an API-token user calls it (docs/api.md "Test Connection"):
// the checklist streams as NDJSON and a pass of the saved settings starts the schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as testPost } from "@/app/api/connections/test/route";
import { createApiToken } from "@/lib/api-tokens";
import { createApiTokenSchema } from "@/lib/api-tokens/schemas";
import { getConnectionDetail } from "@/lib/connections/read-connections";
import { createConnection } from "@/lib/connections/save-connection";
import { DEMO_MEMBERS, DEMO_RDS_DENIED } from "@/simulator/src/index";
import { startDemo, type DemoSim } from "./aws-fixtures";
import { SSM_DENIED } from "./support/software-scopes";

let demo: DemoSim;
let connectionId: string;
const suffix = Math.random().toString(36).slice(2, 8);

const tokenFor = async (role: "admin" | "viewer") =>
  (await createApiToken(createApiTokenSchema.parse({ name: `api-test-${role}-${suffix}`, role }), null)).token;
const post = (token: string, body: unknown) =>
  testPost(
    new Request("http://cirrus.test/api/connections/test", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    }),
  );

beforeAll(async () => {
  demo = await startDemo();
  const collector = demo.creds.users[0];
  ({ id: connectionId } = await createConnection(
    {
      name: `API test ${suffix}`,
      accessKeyId: collector.accessKeyId,
      secretAccessKey: collector.secretAccessKey,
      externalId: demo.creds.roles[0].externalId,
      accountMode: "organizations",
      memberRoleName: "CirrusInventoryRole",
      // The accounts with a denied cell (rds:DescribeDBInstances, ssm:GetInventory) left out: a pass.
      excludeAccountIds: [DEMO_RDS_DENIED.aws.account, SSM_DENIED.account],
      regionMode: "all-enabled",
      endpointUrl: demo.url,
    },
    { actor: null, ip: null },
  ));
});

afterAll(async () => {
  await demo?.sim.close();
});

describe("POST /api/connections/test with an API token", () => {
  it("streams the checks (a running one again with its final status), ends with done, and a pass starts the schedule", async () => {
    expect((await getConnectionDetail(connectionId)).schedulable).toBe(false);
    const response = await post(await tokenFor("admin"), { connectionId });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as Record<string, { id: string; status: string; accountId?: string }>);
    expect(lines.at(-1)).toEqual({ done: { outcome: "passed", recorded: true } });
    const events = lines.slice(0, -1).map((line) => line.event);
    const finals = new Map(events.filter((event) => event.status !== "running").map((event) => [event.id, event]));
    // Every check that was announced as running ends with a final status under the same id.
    for (const event of events.filter((item) => item.status === "running"))
      expect(finals.has(event.id), event.id).toBe(true);
    const reached = [...finals.values()].filter((event) => event.id.startsWith("account:") && event.status === "ok");
    expect(reached).toHaveLength(1 + DEMO_MEMBERS.length - 2);
    expect((await getConnectionDetail(connectionId)).schedulable).toBe(true);
  });

  it("refuses a viewer token (403), and answers an unknown connection with a last error line", async () => {
    expect((await post(await tokenFor("viewer"), { connectionId })).status).toBe(403);
    const unknown = await post(await tokenFor("admin"), { connectionId: "no-such-connection" });
    expect(unknown.status).toBe(200);
    expect(JSON.parse((await unknown.text()).trim().split("\n").at(-1)!)).toEqual({
      error: { message: "Connection not found" },
    });
  });
});
