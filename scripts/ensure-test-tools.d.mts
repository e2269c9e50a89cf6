// Types of ensure-test-tools.mjs for playwright.config.ts and its test.
type Env = Record<string, string | undefined>;
export type ChromiumPlan = { found: string } | { install: string[][] } | { stop: string };
export function findOnPath(name: string, searchPath?: string): string | null;
export function findChromium(env?: Env): string | null;
export function planChromium(options?: { env?: Env; isRoot?: boolean }): ChromiumPlan;
export function ensureChromium(options?: {
  env?: Env;
  isRoot?: boolean;
  log?: (line: string) => void;
}): { found: string } | { stop: string };
export function ensureTestTools(options?: {
  env?: Env;
  isRoot?: boolean;
  log?: (line: string) => void;
}): Promise<{ chromium: string; postgres: string; stop?: undefined } | { stop: string }>;
