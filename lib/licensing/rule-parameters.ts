// Every number the licence rules use, in one table a customer can read and adjust (docs/licensing.md
// says where each comes from). The rules read nothing else: change a value here, or pass a
// modified copy to the engine, and every requirement line and its arithmetic follow.

export type RuleParameters = {
  oracle: {
    /** Authorised cloud policy, EC2 and RDS: vCPUs per processor licence with hyper-threading on. */
    vcpusPerProcessorWithHyperThreading: number;
    /** ...and with hyper-threading off. */
    vcpusPerProcessorWithoutHyperThreading: number;
    /** Standard Editions: vCPUs (rounded up) counted as one socket. */
    standardEditionVcpusPerSocket: number;
    /** Largest instance each Standard Edition may be licensed on, in vCPUs. */
    standardEditionMaxVcpus: { SE2: number; SE1: number; SE: number };
  };
  sqlServer: {
    /** Licensing an instance (virtual OSE) per core: every vCPU, at least this many per instance. */
    minCoresPerInstance: number;
    /** Licensing a dedicated host's physical cores instead: at least this many per processor (socket). */
    minCoresPerProcessor: number;
  };
  windowsServer: {
    /** BYOL on a dedicated host: all physical cores, at least this many per processor... */
    minCoresPerProcessor: number;
    /** ...and at least this many per host. */
    minCoresPerHost: number;
    /** Standard Edition: Windows instances (OSEs) one full licensing of the host's cores covers. */
    standardInstancesPerLicensing: number;
  };
  ibm: {
    /** Eligible Public Cloud BYOSL policy: PVUs per vCPU on AWS. */
    pvusPerVcpu: number;
  };
};

export const RULE_PARAMETERS: RuleParameters = {
  oracle: {
    vcpusPerProcessorWithHyperThreading: 2,
    vcpusPerProcessorWithoutHyperThreading: 1,
    standardEditionVcpusPerSocket: 4,
    standardEditionMaxVcpus: { SE2: 8, SE1: 8, SE: 16 },
  },
  sqlServer: { minCoresPerInstance: 4, minCoresPerProcessor: 4 },
  windowsServer: { minCoresPerProcessor: 8, minCoresPerHost: 16, standardInstancesPerLicensing: 2 },
  ibm: { pvusPerVcpu: 70 },
};

type Overrides = { [K in keyof RuleParameters]?: Partial<RuleParameters[K]> };

/** The table with a customer's adjustments laid over it (one level deep: a product's values). */
export function ruleParameters(overrides: Overrides = {}): RuleParameters {
  return {
    oracle: { ...RULE_PARAMETERS.oracle, ...overrides.oracle },
    sqlServer: { ...RULE_PARAMETERS.sqlServer, ...overrides.sqlServer },
    windowsServer: { ...RULE_PARAMETERS.windowsServer, ...overrides.windowsServer },
    ibm: { ...RULE_PARAMETERS.ibm, ...overrides.ibm },
  };
}
