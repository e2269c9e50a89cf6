// Access keys the simulator accepts: the world's long-term user keys, and the temporary
// (ASIA…) keys it issued through STS or IMDS, each with its secret, token and expiry.
import { randomBytes } from "node:crypto";
import type { Clock } from "../clock";
import type { World } from "../world/world";
import type { Session } from "./session";

export interface IssuedCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
}

interface KeyRecord {
  secretAccessKey: string;
  sessionToken?: string;
  session: Session;
}

const KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function randomKeyId(prefix: string): string {
  const bytes = randomBytes(16);
  let out = prefix;
  for (const b of bytes) out += KEY_ALPHABET[b & 31];
  return out;
}

export class CredentialStore {
  private readonly issued = new Map<string, KeyRecord>();

  constructor(
    private readonly world: World,
    private readonly clock: Clock,
  ) {}

  issue(session: Omit<Session, "expiresAt">, durationSeconds: number): IssuedCredentials {
    const expiresAt = this.clock.now() + durationSeconds * 1000;
    const accessKeyId = randomKeyId("ASIA");
    const secretAccessKey = randomBytes(30).toString("base64");
    // Real session tokens are long opaque blobs; length matters to clients that store them.
    const sessionToken = `IQoJb3JpZ2luX2VjE${randomBytes(240).toString("base64")}`;
    this.issued.set(accessKeyId, { secretAccessKey, sessionToken, session: { ...session, expiresAt } });
    this.prune();
    return { accessKeyId, secretAccessKey, sessionToken, expiration: new Date(expiresAt) };
  }

  lookup(accessKeyId: string): KeyRecord | undefined {
    const temp = this.issued.get(accessKeyId);
    if (temp) return temp;
    const long = this.world.accessKey(accessKeyId);
    if (!long) return undefined;
    const user = long.user;
    return {
      secretAccessKey: long.secretAccessKey,
      session: {
        accountId: user.account,
        arn: this.world.userArn(user),
        userId: user.userId,
        user,
        source: "long-term",
      },
    };
  }

  /** Forget credentials that expired more than a day ago (keeps long benches bounded). */
  private prune(): void {
    if (this.issued.size % 1000 !== 0) return;
    const cutoff = this.clock.now() - 86_400_000;
    for (const [k, v] of this.issued) if ((v.session.expiresAt ?? Infinity) < cutoff) this.issued.delete(k);
  }
}
