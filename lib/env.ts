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
  SESSION_MAX_AGE_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
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
