// IMDSv2 on the simulator's port: PUT /latest/api/token, then GETs with the token. Serves the
// world's instance-profile role as temporary credentials valid for SigV4 like any others.
import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CredentialStore, IssuedCredentials } from "../auth/credentials";
import type { Clock } from "../clock";
import type { World } from "../world/world";

const MAX_TTL = 21600;
const CREDENTIAL_SECONDS = 6 * 3600;

export class Imds {
  private readonly tokens = new Map<string, number>();
  private cached?: { creds: IssuedCredentials; issuedAt: number };

  constructor(
    private readonly world: World,
    private readonly credentials: CredentialStore,
    private readonly clock: Clock,
  ) {}

  handle(req: IncomingMessage, res: ServerResponse, path: string): void {
    const send = (status: number, body: string, type = "text/plain") => {
      res.statusCode = status;
      res.setHeader("content-type", type);
      res.end(body);
    };
    if (path === "/latest/api/token") {
      if (req.method !== "PUT") return send(405, "");
      const ttl = Number(req.headers["x-aws-ec2-metadata-token-ttl-seconds"]);
      if (!Number.isInteger(ttl) || ttl < 1 || ttl > MAX_TTL) return send(400, "");
      const token = randomBytes(40).toString("base64url");
      this.tokens.set(token, Date.now() + ttl * 1000);
      res.setHeader("x-aws-ec2-metadata-token-ttl-seconds", String(ttl));
      return send(200, token);
    }
    if (req.method !== "GET") return send(405, "");
    // IMDSv2 only: a GET without a live session token is refused (AWS answers 401 when v2 is required).
    const token = req.headers["x-aws-ec2-metadata-token"];
    const expiry = typeof token === "string" ? this.tokens.get(token) : undefined;
    if (expiry === undefined || expiry < Date.now()) return send(401, "");
    const profile = this.world.spec.instanceProfile;
    if (!profile) return send(404, "");
    const prefix = "/latest/meta-data/iam/security-credentials/";
    if (path === prefix) return send(200, profile.roleName);
    if (path.startsWith(prefix)) {
      if (path.slice(prefix.length) !== profile.roleName) return send(404, "");
      return send(200, JSON.stringify(this.credentialsJson()), "application/json");
    }
    const meta: Record<string, string> = {
      "/latest/meta-data/placement/region": profile.region,
      "/latest/meta-data/placement/availability-zone": profile.availabilityZone,
      "/latest/meta-data/instance-id": profile.instanceId,
      "/latest/meta-data/instance-type": profile.instanceType,
      "/latest/meta-data/ami-id": profile.imageId,
      "/latest/meta-data/local-ipv4": profile.privateIp,
      "/latest/meta-data/": "ami-id\ninstance-id\ninstance-type\niam/\nlocal-ipv4\nplacement/",
    };
    if (meta[path] !== undefined) return send(200, meta[path]);
    if (path === "/latest/dynamic/instance-identity/document") {
      return send(200, JSON.stringify(this.identityDocument(), null, 2), "application/json");
    }
    send(404, "");
  }

  private credentialsJson() {
    const now = this.clock.now();
    // Like IMDS, hand out the same credentials until they are close to expiry.
    if (!this.cached || this.cached.creds.expiration.getTime() - now < 15 * 60_000) {
      const p = this.world.spec.instanceProfile!;
      const roleArn = this.world.roleArn(p.accountId, p.roleName);
      const role = this.world.role(roleArn);
      if (!role) throw new Error(`instance profile role ${roleArn} is not in the world`);
      const creds = this.credentials.issue(
        {
          accountId: p.accountId,
          arn: `${this.world.arnPrefix}sts::${p.accountId}:assumed-role/${p.roleName}/${p.instanceId}`,
          userId: `${role.roleId}:${p.instanceId}`,
          role,
          roleArn,
          sessionName: p.instanceId,
          mfa: false,
          source: "instance-profile",
        },
        CREDENTIAL_SECONDS,
      );
      this.cached = { creds, issuedAt: now };
    }
    const { creds, issuedAt } = this.cached;
    const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
    return {
      Code: "Success",
      LastUpdated: iso(issuedAt),
      Type: "AWS-HMAC",
      AccessKeyId: creds.accessKeyId,
      SecretAccessKey: creds.secretAccessKey,
      Token: creds.sessionToken,
      Expiration: iso(creds.expiration.getTime()),
    };
  }

  private identityDocument() {
    const p = this.world.spec.instanceProfile!;
    return {
      accountId: p.accountId,
      architecture: "x86_64",
      availabilityZone: p.availabilityZone,
      imageId: p.imageId,
      instanceId: p.instanceId,
      instanceType: p.instanceType,
      pendingTime: "2026-01-05T09:00:00Z",
      privateIp: p.privateIp,
      region: p.region,
      version: "2017-09-30",
    };
  }
}
