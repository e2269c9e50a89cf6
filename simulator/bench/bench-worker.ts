// One bench worker thread: runs its share of SDK clients, each paging DescribeInstances until
// the deadline, and reports every request's latency to the main thread.
import { parentPort, workerData } from "node:worker_threads";
import { DescribeInstancesCommand, EC2Client } from "@aws-sdk/client-ec2";

export interface WorkerClient {
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken: string };
}

export interface WorkerInput {
  url: string;
  pageSize: number;
  /** Epoch ms at which to stop sending. */
  deadline: number;
  clients: WorkerClient[];
}

export interface WorkerResult {
  latencies: number[];
  errors: number;
}

async function run(input: WorkerInput): Promise<WorkerResult> {
  const latencies: number[] = [];
  let errors = 0;
  await Promise.all(
    input.clients.map(async (c) => {
      const ec2 = new EC2Client({ endpoint: input.url, region: c.region, credentials: c.credentials, maxAttempts: 1 });
      let token: string | undefined;
      while (Date.now() < input.deadline) {
        const t0 = performance.now();
        try {
          token = (await ec2.send(new DescribeInstancesCommand({ MaxResults: input.pageSize, NextToken: token })))
            .NextToken;
        } catch {
          errors++;
          token = undefined;
        }
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies, errors };
}

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = "true";
run(workerData as WorkerInput).then((r) => parentPort!.postMessage(r));
