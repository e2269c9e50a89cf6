// China and GovCloud: partition-prefixed ARNs, home-region signing for global calls, and the
// same checks as in the commercial partition.
import { afterEach, describe, expect, it } from "vitest";
import { runConnectionTest } from "@/lib/connections/probe";
import { DEMO_NAMES, DEMO_RDS_DENIED, DEMO_SSM_INVENTORY_DENIED } from "@/simulator/src/index";
import {
  type DemoSim,
  demoWorldWithSharedExternalId,
  event,
  MANAGEMENT_ACCOUNT,
  SHARED_EXTERNAL_ID,
  startDemo,
} from "./aws-fixtures";

let demo: DemoSim | undefined;
afterEach(async () => {
  await demo?.sim.close();
  demo = undefined;
});

describe.each(["aws-cn", "aws-us-gov"] as const)("partition %s", (partition) => {
  it("discovers the organization with partition ARNs and checks every enabled region", async () => {
    demo = await startDemo(demoWorldWithSharedExternalId(partition));
    const report = await runConnectionTest(
      demo.settings({
        partition,
        accounts: {
          mode: "organizations",
          organizationalUnitIds: [],
          memberRoleName: DEMO_NAMES.memberRole,
          excludeAccountIds: [],
        },
        externalId: SHARED_EXTERNAL_ID,
        regions: { mode: "all-enabled" },
      }),
    );
    expect(report.callerArn).toBe(`arn:${partition}:iam::${MANAGEMENT_ACCOUNT}:user/${DEMO_NAMES.collectorUser}`);
    expect(event(report, "account:222222222222").label).toBe(
      `Assume arn:${partition}:iam::222222222222:role/${DEMO_NAMES.memberRole}`,
    );
    // The accounts with a denied cell: rds:DescribeDBInstances, and ssm:GetInventory (software collection is on).
    const withDenial = [DEMO_RDS_DENIED[partition].account, DEMO_SSM_INVENTORY_DENIED[partition].account];
    expect(report.accounts.every((a) => a.ok || withDenial.includes(a.accountId))).toBe(true);
    const denied = DEMO_RDS_DENIED[partition];
    expect(event(report, `api:${denied.account}:${denied.region}:rds:DescribeDBInstances`).status).toBe("denied");
    const ssmDenied = DEMO_SSM_INVENTORY_DENIED[partition];
    expect(event(report, `api:${ssmDenied.account}:${ssmDenied.region}:ssm:GetInventory`).status).toBe("denied");
    expect(report.outcome).toBe("passed-with-warnings");
  });
});
