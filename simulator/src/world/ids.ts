// AWS identifier formats, drawn from a seeded Prng so worlds are reproducible.
import type { Prng } from "./prng";

const UPPER_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
const LOWER_ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
const SECRET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

export const ids = {
  instance: (r: Prng) => `i-${r.hex(17)}`,
  reservation: (r: Prng) => `r-${r.hex(17)}`,
  host: (r: Prng) => `h-${r.hex(17)}`,
  image: (r: Prng) => `ami-${r.hex(17)}`,
  vpc: (r: Prng) => `vpc-${r.hex(17)}`,
  subnet: (r: Prng) => `subnet-${r.hex(17)}`,
  spotRequest: (r: Prng) => `sir-${r.chars(LOWER_ALNUM, 8)}`,
  reservedInstances: (r: Prng) => `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`,
  dbiResource: (r: Prng) => `db-${r.chars(UPPER_ALNUM, 26)}`,
  rdsEndpointSuffix: (r: Prng) => r.chars(LOWER_ALNUM, 12),
  /** Long-term access key: AKIA + 16 base32 characters. */
  accessKey: (r: Prng) => `AKIA${r.chars(BASE32, 16)}`,
  secretKey: (r: Prng) => r.chars(SECRET, 40),
  userId: (r: Prng) => `AIDA${r.chars(BASE32, 17)}`,
  roleId: (r: Prng) => `AROA${r.chars(BASE32, 17)}`,
  groupId: (r: Prng) => `AGPA${r.chars(BASE32, 17)}`,
  policyId: (r: Prng) => `ANPA${r.chars(BASE32, 17)}`,
  instanceProfileId: (r: Prng) => `AIPA${r.chars(BASE32, 17)}`,
  externalId: (r: Prng) => r.chars(UPPER_ALNUM + "abcdefghijklmnopqrstuvwxyz", 40),
  mfaSecret: (r: Prng) => r.chars(BASE32, 32),
  organization: (r: Prng) => `o-${r.chars("abcdefghijklmnopqrstuvwxyz0123456789", 10)}`,
  root: (r: Prng) => `r-${r.chars("abcdefghijklmnopqrstuvwxyz0123456789", 4)}`,
  ou: (r: Prng, rootId: string) => `ou-${rootId.slice(2)}-${r.chars("abcdefghijklmnopqrstuvwxyz0123456789", 8)}`,
  aggregator: (r: Prng) => `config-aggregator-${r.chars("abcdefghijklmnopqrstuvwxyz0123456789", 8)}`,
};
