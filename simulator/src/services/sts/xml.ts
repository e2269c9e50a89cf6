// STS credential XML.
import type { IssuedCredentials } from "../../auth/credentials";
import { leaf, node } from "../../protocols/xml";

export function credentialsXml(c: IssuedCredentials): string {
  return node(
    "Credentials",
    leaf("AccessKeyId", c.accessKeyId),
    leaf("SecretAccessKey", c.secretAccessKey),
    leaf("SessionToken", c.sessionToken),
    leaf("Expiration", c.expiration.toISOString().replace(/\.\d{3}Z$/, "Z")),
  );
}
