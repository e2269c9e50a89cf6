// Reading what an error is: the SDK surfaces unmodelled AWS codes (every EC2 code,
// AccessDenied, InvalidClientTokenId...) as a generic ServiceException whose `name` is the
// code; Node network errors carry `code` (ECONNREFUSED...); hpagent rejects a refused CONNECT
// with "Bad response: <status>". Wrapped errors keep the original in `cause`.

export type ErrorFacts = {
  code: string;
  message: string;
  httpStatus?: number;
  /** For network errors: the address the socket tried to reach. */
  address?: string;
  port?: number;
  proxyStatus?: number;
};

type Loose = {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  address?: unknown;
  hostname?: unknown;
  port?: unknown;
  cause?: unknown;
  errors?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $response?: { statusCode?: unknown };
};

const GENERIC_NAMES = new Set(["Error", "TypeError", "RangeError", "SystemError", "AggregateError"]);

export function errorFacts(error: unknown): ErrorFacts {
  const chain = causeChain(error);
  const first = (chain[0] ?? {}) as Loose;
  const message = typeof first.message === "string" ? first.message : String(error);
  for (const item of chain) {
    const e = item as Loose;
    const text = typeof e.message === "string" ? e.message : "";
    const proxy = /^Bad response: (\d{3})/.exec(text);
    if (proxy)
      return {
        code: Number(proxy[1]) === 407 ? "ProxyAuthenticationRequired" : `ProxyBadResponse${proxy[1]}`,
        message: text,
        proxyStatus: Number(proxy[1]),
      };
    if (text === "Proxy timeout") return { code: "ProxyTimeout", message: text };
    const code = codeOf(e);
    if (code) {
      return {
        code,
        message: text || message,
        httpStatus: numberOf(e.$metadata?.httpStatusCode) ?? numberOf(e.$response?.statusCode),
        address: stringOf(e.address) ?? stringOf(e.hostname),
        port: numberOf(e.port),
      };
    }
  }
  return { code: "UnknownError", message, httpStatus: numberOf(first.$metadata?.httpStatusCode) };
}

function codeOf(e: Loose): string | undefined {
  // The SDK: `name` is the AWS error code (or TimeoutError, AbortError); Node system errors
  // are plain Errors whose `code` is the errno name.
  if (typeof e.name === "string" && e.name && !GENERIC_NAMES.has(e.name)) return e.name;
  if (typeof e.code === "string" && /^E[A-Z0-9_]+$/.test(e.code)) return e.code;
  if (typeof e.Code === "string" && e.Code) return e.Code;
  if (typeof e.code === "string" && e.code) return e.code;
  if (typeof e.message === "string" && /socket hang up/i.test(e.message)) return "ECONNRESET";
  return undefined;
}

function causeChain(error: unknown): unknown[] {
  const out: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === "object" && out.length < 6 && !out.includes(current)) {
    out.push(current);
    const loose = current as Loose;
    // Node's happy-eyeballs connect reports an AggregateError of per-address failures.
    if (Array.isArray(loose.errors) && loose.errors.length > 0 && !loose.cause) current = loose.errors[0];
    else current = loose.cause;
  }
  return out;
}

const numberOf = (v: unknown) =>
  typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : undefined;
const stringOf = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** Removes credentials embedded in URLs and any known secret from a message. */
export function redact(text: string, secrets: readonly (string | undefined)[] = []): string {
  let out = text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/\s@]*@/gi, "$1***@");
  for (const secret of secrets) if (secret && secret.length >= 4) out = out.split(secret).join("***");
  return out;
}
