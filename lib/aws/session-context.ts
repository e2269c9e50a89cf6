import type { ClassifyContext } from "./error-types";
import { proxyAddress } from "./proxy";
import type { AwsConnectionSettings } from "./settings";

/** What every classification of this connection's errors needs: the proxy, and the secrets to hide. */
export function connectionClassifyContext(settings: AwsConnectionSettings): Pick<ClassifyContext, "proxy" | "secrets"> {
  const c = settings.credentials;
  const m = settings.mfaSession;
  const keys = c.kind === "access-key" ? [c.secretAccessKey, c.sessionToken] : [];
  return {
    proxy: settings.proxy ? proxyAddress(settings.proxy) : undefined,
    secrets: [...keys, m?.secretAccessKey, m?.sessionToken, settings.proxy?.password],
  };
}
