import { describe, expect, it } from "vitest";
import { retryNote } from "./retry-note";

describe("a failed scope's retry note", () => {
  it("says how often the scope was read and with how many requests; nothing for one refused request", () => {
    expect(retryNote({ reads: 1, requests: 1 })).toBeNull();
    expect(retryNote({ reads: 3, requests: 18 })).toBe(
      "Read 3 times with 18 requests (the SDK's retries included) before giving up.",
    );
  });
});
