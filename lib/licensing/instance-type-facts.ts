// Default CPU topology of EC2 instance types (vCPUs = cores x threads per core), for records
// that carry no CpuOptions (Config items of old instances, hand-made exports). Intel and AMD up
// to 6th generation run two threads per core; Graviton, t2 and the 7th-generation AMD types
// (m7a, c7a, r7a) run one, which halves nothing for Oracle or SQL Server per-core counts.

export type CpuFacts = { vcpus: number; cores: number; threadsPerCore: number };

// The vCPUs of the sizes most families share.
const STANDARD: Record<string, number> = {
  large: 2,
  xlarge: 4,
  "2xlarge": 8,
  "4xlarge": 16,
  "8xlarge": 32,
  "12xlarge": 48,
  "16xlarge": 64,
  "24xlarge": 96,
  "32xlarge": 128,
  "48xlarge": 192,
};

type Family = { threadsPerCore: 1 | 2; sizes?: Record<string, number> };

const fam = (threadsPerCore: 1 | 2, sizes: Record<string, number> = {}): Family => ({ threadsPerCore, sizes });
const group = (names: string, family: Family) => Object.fromEntries(names.split(" ").map((n) => [n, family]));

const SMALL_BURST = { nano: 2, micro: 2, small: 2, medium: 2 };
const GRAVITON = fam(1, { medium: 1, metal: 64 });

const FAMILIES: Record<string, Family> = {
  ...group("m5 m5d r5 r5d r5b", fam(2, { metal: 96 })),
  ...group("m5a m5ad r5a r5ad m5n m5dn r5n r5dn c5a c5ad", fam(2, { metal: 96 })),
  ...group("c5 c5d", fam(2, { "9xlarge": 36, "18xlarge": 72, metal: 96 })),
  c5n: fam(2, { "9xlarge": 36, "18xlarge": 72, metal: 72 }),
  c4: fam(2, { "8xlarge": 36 }),
  m4: fam(2, { "10xlarge": 40 }),
  r4: fam(2),
  ...group("m6i m6id m6in m6idn r6i r6id r6in r6idn c6i c6id c6in i4i", fam(2, { metal: 128 })),
  ...group("m6a r6a c6a", fam(2, { metal: 192 })),
  ...group("m7i r7i c7i", fam(2, { "metal-24xl": 96, "metal-48xl": 192 })),
  ...group("m7i-flex c7i-flex", fam(2)),
  r7iz: fam(2, { "metal-16xl": 64, "metal-32xl": 128 }),
  ...group("m5zn z1d", fam(2, { "3xlarge": 12, "6xlarge": 24, metal: 48 })),
  x2iezn: fam(2, { "6xlarge": 24, metal: 48 }),
  ...group("x2idn x2iedn", fam(2, { metal: 128 })),
  ...group("x1 x1e", fam(2)),
  i3: fam(2, { metal: 72 }),
  i3en: fam(2, { "3xlarge": 12, "6xlarge": 24, metal: 96 }),
  ...group("t3 t3a", fam(2, SMALL_BURST)),
  t2: fam(1, { nano: 1, micro: 1, small: 1, medium: 2 }),
  t4g: fam(1, SMALL_BURST),
  ...group("m7a c7a r7a", fam(1, { medium: 1, "metal-48xl": 192 })),
  a1: fam(1, { medium: 1, metal: 16 }),
  ...group("m6g m6gd c6g c6gd c6gn r6g r6gd x2gd m7g m7gd c7g c7gd c7gn r7g r7gd", GRAVITON),
  ...group("m8g c8g r8g", fam(1, { medium: 1, "metal-24xl": 96, "metal-48xl": 192 })),
};

/** Default topology of an EC2 instance type ("r5.2xlarge"), or null when the type is not known. */
export function instanceTypeFacts(instanceType: string | null | undefined): CpuFacts | null {
  if (!instanceType) return null;
  const [familyName, size, ...rest] = instanceType.trim().toLowerCase().split(".");
  const family = FAMILIES[familyName];
  if (!family || !size || rest.length > 0) return null;
  const vcpus = family.sizes?.[size] ?? STANDARD[size];
  if (!vcpus) return null;
  return topology(vcpus, family.threadsPerCore);
}

/**
 * Default topology of an RDS DB instance class ("db.r5.2xlarge"): the EC2 type's, except the
 * Oracle preconfigured classes ("db.r5.4xlarge.tpc1.mem2x"), whose tpcN sets the threads per
 * core on the named size's cores.
 */
export function dbInstanceClassFacts(dbInstanceClass: string | null | undefined): CpuFacts | null {
  const match = /^db\.([a-z0-9-]+\.[a-z0-9-]+)(?:\.tpc([12])\.mem\d+x)?$/.exec(
    dbInstanceClass?.trim().toLowerCase() ?? "",
  );
  if (!match) return null;
  const base = instanceTypeFacts(match[1]);
  if (!base || !match[2]) return base;
  const threadsPerCore = Number(match[2]);
  return { vcpus: base.cores * threadsPerCore, cores: base.cores, threadsPerCore };
}

function topology(vcpus: number, threadsPerCore: 1 | 2): CpuFacts {
  // A burstable type below one full core (t2.nano: 1 vCPU) still has one core.
  const threads = vcpus < threadsPerCore ? 1 : threadsPerCore;
  return { vcpus, cores: vcpus / threads, threadsPerCore: threads };
}
