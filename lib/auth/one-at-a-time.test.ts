import { describe, expect, it } from "vitest";
import { oneAtATime } from "./one-at-a-time";

describe("oneAtATime", () => {
  it("runs tasks with the same key in order, never overlapping, even when one fails", async () => {
    const log: string[] = [];
    let running = 0;
    const task =
      (name: string, fail = false) =>
      async () => {
        running++;
        expect(running).toBe(1);
        log.push(`start ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${name}`);
        running--;
        if (fail) throw new Error(name);
        return name;
      };
    const results = await Promise.allSettled([
      oneAtATime("k", task("a")),
      oneAtATime("k", task("b", true)),
      oneAtATime("k", task("c")),
    ]);
    expect(results.map((result) => result.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
  });

  it("lets different keys run side by side", async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const blocked = oneAtATime("x", () =>
      new Promise<void>((resolve) => (release = resolve)).then(() => order.push("x")),
    );
    await oneAtATime("y", async () => order.push("y"));
    release();
    await blocked;
    expect(order).toEqual(["y", "x"]);
  });
});
