// Organizations: management-only listing, paging, root → OUs → accounts, and the errors for
// member accounts and accounts outside any organization.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  OrganizationsClient,
  paginateListAccounts,
} from "@aws-sdk/client-organizations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSimulator, type WorldSpec } from "../../src/index";
import { failure, type Keys, startTestSim, type TestSim } from "../helpers";

let t: TestSim;
beforeAll(async () => {
  t = await startTestSim();
});
afterAll(() => t.sim.close());

const orgs = (keys: Keys = t.user("cirrus-collector")) => new OrganizationsClient(t.cfg(keys));

describe("Organizations", () => {
  it("lists every account over several pages with State, JoinedTimestamp and ARNs", async () => {
    const accounts = [];
    let pages = 0;
    for await (const page of paginateListAccounts({ client: orgs(), pageSize: 2 }, {})) {
      pages++;
      accounts.push(...page.Accounts!);
    }
    expect(pages).toBe(3);
    expect(accounts.map((a) => a.Id)).toEqual(t.spec.accounts.map((a) => a.id));
    const org = t.spec.organization!;
    expect(accounts[1]).toMatchObject({
      Name: "Acme Production Web",
      Email: "aws+acme-prod-web@acme.example",
      State: "ACTIVE",
      Status: "ACTIVE",
      JoinedMethod: "CREATED",
      Arn: `arn:aws:organizations::111111111111:account/${org.id}/222222222222`,
    });
    expect(accounts[1].JoinedTimestamp).toBeInstanceOf(Date);
  });

  it("walks root → OUs → accounts", async () => {
    const roots = await orgs().send(new ListRootsCommand({}));
    expect(roots.Roots!.map((r) => r.Id)).toEqual([t.spec.organization!.root.id]);
    const ous = await orgs().send(new ListOrganizationalUnitsForParentCommand({ ParentId: roots.Roots![0].Id }));
    expect(ous.OrganizationalUnits!.map((o) => o.Name)).toEqual(["Production", "Development"]);
    const prod = await orgs().send(new ListAccountsForParentCommand({ ParentId: ous.OrganizationalUnits![0].Id }));
    expect(prod.Accounts!.map((a) => a.Id)).toEqual(["222222222222", "333333333333"]);
    const atRoot = await orgs().send(new ListAccountsForParentCommand({ ParentId: roots.Roots![0].Id }));
    expect(atRoot.Accounts!.map((a) => a.Id)).toEqual(["111111111111"]);
    expect(
      (
        await failure(
          orgs().send(
            new ListAccountsForParentCommand({ ParentId: `${ous.OrganizationalUnits![0].Id!.slice(0, -1)}z` }),
          ),
        )
      ).name,
    ).toBe("ParentNotFoundException");
  });

  it("denies listing to a member account but lets it describe the organization", async () => {
    const member = t.user("cirrus-readonly-member");
    expect(await failure(orgs(member).send(new ListAccountsCommand({})))).toEqual({
      name: "AccessDeniedException",
      status: 400,
      message: "You don't have permissions to access this resource.",
    });
    expect((await orgs(member).send(new DescribeOrganizationCommand({}))).Organization!.MasterAccountId).toBe(
      "111111111111",
    );
  });

  it("rejects MaxResults above 20", async () => {
    expect((await failure(orgs().send(new ListAccountsCommand({ MaxResults: 21 })))).name).toBe(
      "InvalidInputException",
    );
  });

  it("answers AWSOrganizationsNotInUseException for an account outside any organization (world file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sim-world-"));
    const file = join(dir, "standalone.json");
    const world: WorldSpec = {
      format: "cirrus-simulator-world/1",
      name: "standalone",
      seed: 1,
      partition: "aws",
      accounts: [
        {
          id: "999999999999",
          name: "Solo",
          email: "solo@example.com",
          regions: [{ name: "us-east-1", optIn: "opt-in-not-required" }],
        },
      ],
      iam: {
        users: [
          {
            account: "999999999999",
            name: "solo",
            userId: "AIDASOLOSOLOSOLOSOLO1",
            createDate: "2025-01-01T00:00:00Z",
            accessKeys: [
              { accessKeyId: "AKIASOLOSOLOSOLO0001", secretAccessKey: "solo-secret-solo-secret-solo-secret-0001" },
            ],
            groups: [],
            attachedPolicies: [],
            inlinePolicies: [
              {
                name: "all",
                document: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: "*" }] },
              },
            ],
          },
        ],
        groups: [],
        roles: [],
        policies: [],
      },
      aggregators: [],
    };
    writeFileSync(file, JSON.stringify(world));
    const sim = await startSimulator({ world: file });
    try {
      const client = new OrganizationsClient({
        endpoint: sim.url,
        region: "us-east-1",
        maxAttempts: 1,
        credentials: {
          accessKeyId: "AKIASOLOSOLOSOLO0001",
          secretAccessKey: "solo-secret-solo-secret-solo-secret-0001",
        },
      });
      expect(await failure(client.send(new ListAccountsCommand({})))).toEqual({
        name: "AWSOrganizationsNotInUseException",
        status: 400,
        message: "Your account is not a member of an organization.",
      });
    } finally {
      await sim.close();
    }
  });
});
