// `npm run simulator -- --world <preset|file.json> --port <n> [...]`: starts the simulator and
// prints exactly one line on stdout once it listens; everything else goes to stderr.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startSimulator } from "./index";
import type { Partition } from "./world/types";

const USAGE = `Usage: npm run simulator -- --world <demo|scale|file.json> [--port 4566] [--host 127.0.0.1]
       [--seed n] [--partition aws|aws-cn|aws-us-gov] [--credentials-out file.json]
       demo preset: [--shared-external-id id]
       scale preset: [--accounts n] [--regions n] [--instances-per-region n] [--applications-per-node n]
                     [--page-size n] [--latency-ms n]`;

function num(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a non-negative number`);
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      world: { type: "string", default: "demo" },
      port: { type: "string", default: "4566" },
      host: { type: "string", default: "127.0.0.1" },
      seed: { type: "string" },
      partition: { type: "string" },
      "credentials-out": { type: "string" },
      accounts: { type: "string" },
      regions: { type: "string" },
      "instances-per-region": { type: "string" },
      "applications-per-node": { type: "string" },
      "page-size": { type: "string" },
      "latency-ms": { type: "string" },
      "shared-external-id": { type: "string" },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) {
    process.stderr.write(`${USAGE}\n`);
    return;
  }
  const sim = await startSimulator({
    world: values.world,
    port: num(values.port, "port"),
    host: values.host,
    presetOptions: {
      seed: num(values.seed, "seed"),
      partition: values.partition as Partition | undefined,
      accounts: num(values.accounts, "accounts"),
      regions: num(values.regions, "regions"),
      instancesPerRegion: num(values["instances-per-region"], "instances-per-region"),
      applicationsPerNode: num(values["applications-per-node"], "applications-per-node"),
      pageSize: num(values["page-size"], "page-size"),
      latencyMs: num(values["latency-ms"], "latency-ms"),
      sharedExternalId: values["shared-external-id"],
    },
  });
  if (values["credentials-out"])
    writeFileSync(values["credentials-out"], `${JSON.stringify(sim.control.credentials(), null, 2)}\n`, {
      mode: 0o600,
    });
  process.stdout.write(`Simulator listening on ${sim.url}\n`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e: unknown) => {
  process.stderr.write(`simulator: ${(e as Error).message}\n${USAGE}\n`);
  process.exit(1);
});
