import type { Logger } from "@smithy/types";

// The SDK's logger middleware calls `logger?.info?.({ input: filter(input), output:
// filter(output) })` after every call: with its default no-op logger it still builds a
// redacted deep copy of every response (schemaLogFilter), ~0.7 s of CPU per 150k software rows
// in bench:collect. A logger without `info` (and `error`, whose call redacts the input the same
// way) skips that work; Cirrus logs calls itself (request-stats, classified errors).
export const QUIET_SDK_LOGGER = {
  trace() {},
  debug() {},
  warn() {},
} as unknown as Logger;
