import type { AwsErrorInfo } from "../../aws/error-types";
import { DeadlineError, raceDeadline } from "./deadline";
import type { CheckEvent, CheckStatus } from "./types";

export type CheckBase = Omit<CheckEvent, "status">;
type Classify = (error: unknown, base: CheckBase) => AwsErrorInfo;
export type CheckResult<T> = { ok: true; value: T } | { ok: false; status: CheckStatus };

// Records the checklist: emits each change to the listener and keeps the final state per id.
export class CheckLog {
  private readonly byId = new Map<string, CheckEvent>();

  constructor(
    private readonly listener: ((event: CheckEvent) => void) | undefined,
    private readonly signal: AbortSignal,
    private classify: Classify,
    private readonly deadlineMessage: string,
  ) {}

  /** Once a session exists, failures are classified with its proxy and secrets in mind. */
  classifyWith(session: {
    classify(error: unknown, context: { action: string; region?: string }): AwsErrorInfo;
  }): void {
    this.classify = (error, base) => session.classify(error, { action: base.action ?? "", region: base.region });
  }

  emit(event: CheckEvent): void {
    const merged = { ...this.byId.get(event.id), ...event };
    this.byId.set(event.id, merged);
    try {
      this.listener?.({ ...merged });
    } catch {
      // A failing listener (a closed stream) must not break the test itself.
    }
  }

  /** Runs one check: "running", then ok (with what `describe` adds) or the classified failure. */
  async check<T>(
    base: CheckBase,
    run: () => Promise<T>,
    describe?: (value: T) => Partial<CheckEvent>,
  ): Promise<CheckResult<T>> {
    if (this.signal.aborted) {
      this.emit({ ...base, status: "skipped", message: "Not run: the test was stopped (deadline or cancel)" });
      return { ok: false, status: "skipped" };
    }
    this.emit({ ...base, status: "running" });
    try {
      const value = await raceDeadline(run(), this.signal, this.deadlineMessage);
      this.emit({ ...base, status: "ok", ...describe?.(value) });
      return { ok: true, value };
    } catch (error) {
      const info = this.failure(error, base);
      this.emit({
        ...base,
        status: info.status,
        errorCode: info.errorCode,
        message: info.message,
        hint: info.hint,
        action: base.action ?? info.action,
      });
      return { ok: false, status: info.status };
    }
  }

  events(): CheckEvent[] {
    return [...this.byId.values()];
  }

  private failure(error: unknown, base: CheckBase): AwsErrorInfo {
    if (error instanceof DeadlineError || (this.signal.aborted && (error as Error)?.name === "AbortError")) {
      return {
        status: "network-error",
        errorCode: "DeadlineExceeded",
        action: base.action ?? "",
        message: this.deadlineMessage,
        hint: "Check the network path to AWS (proxy, firewall) and try again; slow accounts can be tested with a longer deadline.",
      };
    }
    return this.classify(error, base);
  }
}
