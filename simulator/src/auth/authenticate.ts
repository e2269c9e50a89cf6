// Turns a signed request into the calling Session, or the authentication error AWS gives:
// unknown key, wrong/missing session token, clock skew, bad signature, expired token,
// disabled region; in the calling protocol's codes.
import type { Clock } from "../clock";
import { ApiError, authErrors } from "../protocols/errors";
import type { ServiceInfo } from "../protocols/service-info";
import { isRegionInPartition } from "../world/partitions";
import type { World } from "../world/world";
import type { CredentialStore } from "./credentials";
import type { Session } from "./session";
import { formatAmzDate, type ParsedAuthorization, parseAmzDate, type SignedRequest, verifySignature } from "./sigv4";

const MAX_SKEW_MS = 15 * 60 * 1000;

export interface AuthDeps {
  world: World;
  credentials: CredentialStore;
  clock: Clock;
}

export function authenticate(
  req: SignedRequest,
  auth: ParsedAuthorization | undefined,
  service: ServiceInfo,
  deps: AuthDeps,
): Session {
  const p = service.protocol;
  if (!auth) throw authErrors.missing(p);
  const record = deps.credentials.lookup(auth.accessKeyId);
  if (!record) throw authErrors.unknownKey(p);

  const token = req.headers["x-amz-security-token"];
  if (record.sessionToken !== undefined ? token !== record.sessionToken : token !== undefined)
    throw authErrors.badSessionToken(p);

  const amzDateText = (req.headers["x-amz-date"] as string | undefined) ?? undefined;
  const amzDate = parseAmzDate(amzDateText);
  if (amzDate === undefined || !amzDateText)
    throw new ApiError(
      p === "ec2" ? "AuthFailure" : "IncompleteSignature",
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
      p === "ec2" ? 401 : 400,
    );
  // Skew is judged against the real clock: the control-API clock offset simulates time passing
  // for sessions, not a client whose clock is wrong.
  const realNow = Date.now();
  if (Math.abs(amzDate - realNow) > MAX_SKEW_MS) {
    const bound =
      amzDate < realNow
        ? `${amzDateText} is now earlier than ${formatAmzDate(realNow - MAX_SKEW_MS)} (${formatAmzDate(realNow)} - 15 min.)`
        : `${amzDateText} is now later than ${formatAmzDate(realNow + MAX_SKEW_MS)} (${formatAmzDate(realNow)} + 15 min.)`;
    throw authErrors.skewed(p, bound);
  }
  if (auth.date !== amzDateText.slice(0, 8) || !verifySignature(req, auth, record.secretAccessKey, amzDateText))
    throw authErrors.badSignature(p);

  const session = record.session;
  if (session.expiresAt !== undefined && session.expiresAt <= deps.clock.now()) throw authErrors.expiredToken(p);

  if (!service.global) {
    const ok =
      isRegionInPartition(auth.region, deps.world.partition) &&
      deps.world.isRegionEnabled(session.accountId, auth.region);
    // A region the account has not enabled rejects the credentials themselves.
    if (!ok) throw authErrors.unknownKey(p);
  }
  // GetSessionToken credentials without MFA cannot call IAM at all (AWS: InvalidClientTokenId).
  if (service.name === "iam" && session.source === "session-token" && !session.mfa) throw authErrors.badSessionToken(p);
  return session;
}
