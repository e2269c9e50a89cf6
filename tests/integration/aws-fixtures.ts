// Shared by the aws-*.test.ts suites: the demo world of the real simulator, started in-process,
// and connection settings pointing at it.
import type { AwsConnectionSettings } from "@/lib/aws/settings";
import type { CheckEvent, ConnectionTestReport } from "@/lib/connections/probe";
import {
  buildPreset,
  DEMO_MANAGEMENT,
  DEMO_NAMES,
  startSimulator,
  type RunningSimulator,
  type WorldSpec,
} from "@/simulator/src/index";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

/**
 * The demo world gives each member role its own external ID. Cirrus (like the peers and the
 * StackSet it generates) gives one connection one external ID for every member role, so tests
 * that read several member accounts with one connection use this world: the demo preset with
 * the member roles' external IDs made equal (see the report on the simulator).
 */
export const SHARED_EXTERNAL_ID = "cirrus-demo-shared-external-id-0001";

export function demoWorldWithSharedExternalId(partition: WorldSpec["partition"] = "aws"): WorldSpec {
  const spec = buildPreset("demo", { partition });
  for (const role of spec.iam.roles) {
    if (role.name !== DEMO_NAMES.memberRole) continue;
    const statements = Array.isArray(role.trustPolicy.Statement)
      ? role.trustPolicy.Statement
      : [role.trustPolicy.Statement];
    for (const statement of statements) {
      const equals = statement.Condition?.StringEquals;
      if (equals && "sts:ExternalId" in equals) equals["sts:ExternalId"] = SHARED_EXTERNAL_ID;
    }
  }
  return spec;
}

export type DemoSim = {
  sim: RunningSimulator;
  url: string;
  creds: ReturnType<RunningSimulator["control"]["credentials"]>;
  user(name: string): { accessKeyId: string; secretAccessKey: string; mfaSerial?: string };
  role(arnOrAccount: string): { arn: string; externalId?: string };
  settings(patch?: Partial<AwsConnectionSettings>): AwsConnectionSettings;
};

export async function startDemo(world: WorldSpec | string = "demo"): Promise<DemoSim> {
  const sim = await startSimulator({ world });
  const creds = sim.control.credentials();
  const user: DemoSim["user"] = (name) => {
    const u = creds.users.find((x) => x.name === name);
    if (!u) throw new Error(`no user ${name}`);
    return {
      accessKeyId: u.accessKeyId,
      secretAccessKey: u.secretAccessKey,
      ...("mfaSerial" in u && u.mfaSerial ? { mfaSerial: u.mfaSerial } : {}),
    };
  };
  const role: DemoSim["role"] = (key) => {
    const r = [...creds.roles, ...creds.otherRoles].find(
      (x) => x.arn === key || (x.account === key && x.purpose === "member-inventory"),
    );
    if (!r) throw new Error(`no role ${key}`);
    return { arn: r.arn, externalId: r.externalId };
  };
  const collector = user(DEMO_NAMES.collectorUser);
  return {
    sim,
    url: sim.url,
    creds,
    user,
    role,
    settings: (patch = {}) => ({
      partition: "aws",
      adapter: { kind: "direct" },
      credentials: { kind: "access-key", ...collector },
      roleChain: [],
      roleSessionName: "cirrus",
      accounts: { mode: "self" },
      regions: { mode: "list", regions: ["us-east-1", "us-west-2"] },
      endpointUrl: sim.url,
      concurrency: 4,
      ...patch,
    }),
  };
}

export const MANAGEMENT_ACCOUNT = DEMO_MANAGEMENT.id;

export function event(report: ConnectionTestReport, id: string): CheckEvent {
  const found = report.events.find((e) => e.id === id);
  if (!found) throw new Error(`no check ${id}; have: ${report.events.map((e) => `${e.id}=${e.status}`).join(", ")}`);
  return found;
}

/** Checks that did not end fine, for readable assertion failures. */
export function problems(report: ConnectionTestReport): string[] {
  return report.events
    .filter((e) => !["ok", "skipped", "region-not-enabled"].includes(e.status))
    .map((e) => `${e.id}=${e.status}: ${e.message ?? ""}`);
}
