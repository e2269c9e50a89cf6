// A signal that aborts when the run does or when `ms` have passed. The deadline's controller is
// held by its timer: a bare AbortSignal.timeout() inside AbortSignal.any() is only weakly held
// and, collected early, may never fire (a hanging call then outlived its scope; seen
// intermittently in collector-faults.test.ts). Call clear() once the work is done.
export function scopeDeadline(runSignal: AbortSignal, ms: number): { signal: AbortSignal; clear: () => void } {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(new DOMException("The scope's deadline passed.", "TimeoutError")), ms);
  // A forgotten clear() must not keep a CLI process alive until the deadline.
  timer.unref();
  return { signal: AbortSignal.any([runSignal, deadline.signal]), clear: () => clearTimeout(timer) };
}
