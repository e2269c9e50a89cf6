import path from "node:path";
import { z } from "zod";
import { isProxyEntry, splitProxyList } from "./http/forwarded-client";

// Every environment variable Cirrus reads, validated in one place (README "Configuration").
// Nothing else reads process.env.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATA_DIR: z.string().min(1).default("data"),
  DATABASE_URL: z.string().optional(),
  AUTH_SECRET: z
    .string()
    .min(32, "AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)")
    .optional(),
  CIRRUS_MASTER_KEY: z.string().optional(),
  ADMIN_EMAIL: z.email("ADMIN_EMAIL must be an e-mail address").optional(),
  ADMIN_PASSWORD: z.string().optional(),
  NEXTAUTH_URL: z.url("NEXTAUTH_URL must be the app's public URL").optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Where `npm start` listens (scripts/next-start.mjs passes it to `next start --hostname`);
  // unset: every interface, Next's default. The demo always listens on 127.0.0.1.
  HOST: z
    .string()
    .regex(/^[\w.:-]+$/, "HOST must be a host name or IP address to listen on (e.g. 127.0.0.1)")
    .optional(),
  // "off" runs no scheduled collections in this process (e.g. a second web instance).
  SCHEDULER: z.enum(["on", "off"]).default("on"),
  // Collection jobs (docs/scale-out.md). JOBS_IN_APP=off: the web app only queues runs, for
  // `npm run worker` processes to take (PostgreSQL only; with SQLite the app runs them itself).
  JOBS_IN_APP: z.enum(["on", "off"]).default("on"),
  // Jobs (one account x region each) one process runs at once.
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // Jobs of one AWS account running at once, across all runs and workers (AWS throttles per account).
  ACCOUNT_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(4),
  // On SIGTERM, how long jobs in flight get to finish before they are handed back.
  WORKER_DRAIN_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // A scope not read completely by then fails (and is stale); a run not done by its deadline
  // stops and keeps what it committed.
  SCOPE_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  RUN_DEADLINE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(25),
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  // Licence position: a managed node whose newest inventory is older than this counts as
  // "software unknown" (its software may have changed since), never as reporting nothing.
  SOFTWARE_STALE_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  // Reverse proxies whose X-Forwarded-For is believed (lib/http/client-ip.ts); default nobody.
  TRUSTED_PROXIES: z
    .string()
    .optional()
    .refine(
      (value) => splitProxyList(value).every(isProxyEntry),
      "TRUSTED_PROXIES must list IP addresses or CIDRs (e.g. `127.0.0.1, 10.0.0.0/8`)",
    ),
});

export type Env = z.infer<typeof envSchema> & { dataDir: string; publicUrl: string };

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(emptyToUndefined(process.env));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  cached = {
    ...parsed.data,
    dataDir: path.resolve(parsed.data.DATA_DIR),
    publicUrl: (parsed.data.NEXTAUTH_URL ?? `http://localhost:${parsed.data.PORT}`).replace(/\/$/, ""),
  };
  return cached;
}

// An exported-but-empty variable (FOO=) means "not set", as in most tools.
function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(source).map(([key, value]) => [key, value === "" ? undefined : value]));
}
