// `npm run bench:simulator`: starts the simulator (scale world) in its own process and drives it
// with 32 concurrent SDK clients (spread over worker threads, since the SDK's own XML parsing
// is the costliest part on a small machine) paging DescribeInstances for a bounded time. Prints
// requests per second, p50/p95 latency, the simulator's CPU per request and its peak RSS.
// Options: --clients 32 --seconds 10 --page-size 20 --threads 2 --accounts 16 --regions 4
//          --instances-per-region 200 --throttle (keep EC2's token buckets on)
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { Worker } from "node:worker_threads";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import type { WorkerClient, WorkerInput, WorkerResult } from "./bench-worker";

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";

const { values } = parseArgs({
  options: {
    clients: { type: "string", default: "32" },
    seconds: { type: "string", default: "10" },
    "page-size": { type: "string", default: "20" },
    threads: { type: "string", default: "2" },
    accounts: { type: "string", default: "16" },
    regions: { type: "string", default: "4" },
    "instances-per-region": { type: "string", default: "200" },
    throttle: { type: "boolean", default: false },
  },
});

interface Creds {
  users: { accessKeyId: string; secretAccessKey: string }[];
  roles: { arn: string; externalId: string }[];
}

function startSimulator(): Promise<{ url: string; pid: number; stop: () => void }> {
  const args = [
    "--import",
    "tsx",
    resolve("simulator/src/cli.ts"),
    "--world",
    "scale",
    "--port",
    "0",
    "--accounts",
    values.accounts!,
    "--regions",
    values.regions!,
    "--instances-per-region",
    values["instances-per-region"]!,
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((res, rej) => {
    let out = "";
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /Simulator listening on (\S+)/.exec(out);
      if (m) res({ url: m[1], pid: child.pid!, stop: () => child.kill("SIGTERM") });
    });
    child.on("exit", (code) => rej(new Error(`simulator exited early (${code})`)));
  });
}

/** Peak resident set (VmHWM) and CPU time so far (user + system) of a process, from /proc. */
function procStats(pid: number): { peakRssMb: number; cpuMs: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return { peakRssMb: Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024), cpuMs: (ticks * 1000) / 100 };
}

// Worker threads do not inherit tsx's loader: boot them through tsx's API instead.
const WORKER_BOOT = `import("tsx/esm/api").then(({ tsImport }) => tsImport(${JSON.stringify(resolve("simulator/bench/bench-worker.ts"))}, ${JSON.stringify(`file://${process.cwd()}/`)}))`;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

async function clientsFor(url: string, count: number): Promise<WorkerClient[]> {
  const creds = (await (await fetch(`${url}/_sim/credentials`)).json()) as Creds;
  const regions = (
    (await (await fetch(`${url}/_sim/summary`)).json()) as { accounts: { regions: { name: string }[] }[] }
  ).accounts[0].regions.map((r) => r.name);
  const sts = new STSClient({
    endpoint: url,
    region: regions[0],
    credentials: { accessKeyId: creds.users[0].accessKeyId, secretAccessKey: creds.users[0].secretAccessKey },
  });
  // One client per (member account, region), as a collector isolates them.
  return Promise.all(
    Array.from({ length: count }, async (_, n) => {
      const role = creds.roles[n % creds.roles.length];
      const c = (
        await sts.send(
          new AssumeRoleCommand({ RoleArn: role.arn, RoleSessionName: `bench-${n}`, ExternalId: role.externalId }),
        )
      ).Credentials!;
      return {
        region: regions[Math.floor(n / creds.roles.length) % regions.length],
        credentials: {
          accessKeyId: c.AccessKeyId!,
          secretAccessKey: c.SecretAccessKey!,
          sessionToken: c.SessionToken!,
        },
      };
    }),
  );
}

async function main(): Promise<void> {
  const sim = await startSimulator();
  try {
    if (!values.throttle)
      await fetch(`${sim.url}/_sim/faults`, { method: "POST", body: JSON.stringify({ throttle: { enabled: false } }) });
    const clients = await clientsFor(sim.url, Number(values.clients));
    const threads = Math.max(1, Number(values.threads));
    await fetch(`${sim.url}/_sim/stats/reset`, { method: "POST" });
    const cpuBefore = procStats(sim.pid).cpuMs;
    const started = Date.now();
    const deadline = started + Number(values.seconds) * 1000;
    const results = await Promise.all(
      Array.from({ length: threads }, (_, w) => {
        const input: WorkerInput = {
          url: sim.url,
          pageSize: Number(values["page-size"]),
          deadline,
          clients: clients.filter((_, i) => i % threads === w),
        };
        return new Promise<WorkerResult>((res, rej) => {
          const worker = new Worker(WORKER_BOOT, { eval: true, workerData: input });
          worker.once("message", (r: WorkerResult) => res(r));
          worker.once("error", rej);
        });
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    const after = procStats(sim.pid);
    const stats = (await (await fetch(`${sim.url}/_sim/stats`)).json()) as {
      total: number;
      throttled: number;
      errored: number;
      peakConcurrency: number;
    };
    const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
    const errors = results.reduce((s, r) => s + r.errors, 0);
    const cpuPerRequest = (after.cpuMs - cpuBefore) / Math.max(1, stats.total);
    console.log(
      `Simulator bench: ${clients.length} concurrent SDK clients on ${threads} threads, ${values.seconds} s of DescribeInstances pages (MaxResults=${values["page-size"]}), scale world ${values.accounts} accounts × ${values.regions} regions × ${values["instances-per-region"]} instances, throttling ${values.throttle ? "on" : "off"}`,
    );
    console.log(
      `requests: ${latencies.length} in ${elapsed.toFixed(1)} s = ${(latencies.length / elapsed).toFixed(0)} req/s (client errors ${errors}; server: total ${stats.total}, throttled ${stats.throttled}, errored ${stats.errored})`,
    );
    console.log(
      `latency: p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms`,
    );
    console.log(
      `simulator: ${cpuPerRequest.toFixed(2)} ms CPU per request (≈ ${Math.round(1000 / Math.max(cpuPerRequest, 0.001))} req/s per core), peak RSS ${after.peakRssMb} MB, peak concurrency ${stats.peakConcurrency}`,
    );
  } finally {
    sim.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
