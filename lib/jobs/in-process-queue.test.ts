import { describe, expect, it } from "vitest";
import { createInProcessQueue } from "./in-process-queue";
import type { JobHandler } from "./types";

const settled = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the in-process job queue", () => {
  it("runs at most `concurrency` jobs at once, higher priority first", async () => {
    const queue = createInProcessQueue();
    const order: string[] = [];
    let running = 0;
    let peak = 0;
    const handler: JobHandler = async (data) => {
      running++;
      peak = Math.max(peak, running);
      order.push(String(data.id));
      await settled(5);
      running--;
    };
    await queue.work({ low: handler, high: handler }, 2, "w");
    // The first two start at once; of those waiting, the high-priority ones go first.
    await queue.sendMany([
      { name: "low", data: { id: "a" } },
      { name: "low", data: { id: "b" } },
      { name: "low", data: { id: "c" } },
      { name: "high", data: { id: "d" }, options: { priority: 2 } },
      { name: "high", data: { id: "e" }, options: { priority: 2 } },
    ]);
    await settled(100);
    expect(order).toEqual(["a", "b", "d", "e", "c"]);
    expect(peak).toBe(2);
  });

  it("retries a job whose handler throws, then gives up after the retry limit", async () => {
    const queue = createInProcessQueue();
    let attempts = 0;
    await queue.work(
      {
        flaky: async () => {
          attempts++;
          if (attempts < 2) throw new Error("database unreachable");
        },
      },
      1,
      "w",
    );
    await queue.send("flaky", {});
    await settled(2_500);
    expect(attempts).toBe(2);
  });

  it("on stop, lets jobs finish within the drain time, then aborts the rest so they can hand back", async () => {
    const queue = createInProcessQueue();
    const outcomes: string[] = [];
    await queue.work(
      {
        quick: async () => {
          await settled(10);
          outcomes.push("quick finished");
        },
        slow: async (_data, job) => {
          await new Promise<void>((resolve) => job.signal.addEventListener("abort", () => resolve(), { once: true }));
          outcomes.push(`slow handed back: ${(job.signal.reason as Error).message}`);
        },
      },
      2,
      "w",
    );
    await queue.send("quick", {});
    await queue.send("slow", {});
    await settled(1);
    expect(await queue.stop(200)).toBe(1);
    expect(outcomes.sort()).toEqual(["quick finished", "slow handed back: worker draining"]);
    // A stopped queue takes nothing more.
    await queue.send("quick", {});
    await settled(30);
    expect(outcomes).toHaveLength(2);
  });
});
