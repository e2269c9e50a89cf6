// Wire facts per service: protocol, XML namespace, API version and throttling code.

export type Protocol = "ec2" | "query" | "json";
export type ServiceName = "ec2" | "sts" | "iam" | "rds" | "organizations" | "config" | "ssm";

export interface ServiceInfo {
  name: ServiceName;
  protocol: Protocol;
  xmlns?: string;
  version?: string;
  targetPrefix?: string;
  /** IAM and Organizations are global: any region in the credential scope is accepted. */
  global: boolean;
  throttle: { code: string; status: number; message: string };
}

export const SERVICES: Record<ServiceName, ServiceInfo> = {
  ec2: {
    name: "ec2",
    protocol: "ec2",
    xmlns: "http://ec2.amazonaws.com/doc/2016-11-15/",
    version: "2016-11-15",
    global: false,
    throttle: { code: "RequestLimitExceeded", status: 503, message: "Request limit exceeded." },
  },
  sts: {
    name: "sts",
    protocol: "query",
    xmlns: "https://sts.amazonaws.com/doc/2011-06-15/",
    version: "2011-06-15",
    global: false,
    throttle: { code: "Throttling", status: 400, message: "Rate exceeded" },
  },
  iam: {
    name: "iam",
    protocol: "query",
    xmlns: "https://iam.amazonaws.com/doc/2010-05-08/",
    version: "2010-05-08",
    global: true,
    throttle: { code: "Throttling", status: 400, message: "Rate exceeded" },
  },
  rds: {
    name: "rds",
    protocol: "query",
    xmlns: "http://rds.amazonaws.com/doc/2014-10-31/",
    version: "2014-10-31",
    global: false,
    throttle: { code: "Throttling", status: 400, message: "Rate exceeded" },
  },
  organizations: {
    name: "organizations",
    protocol: "json",
    targetPrefix: "AWSOrganizationsV20161128",
    global: true,
    throttle: {
      code: "TooManyRequestsException",
      status: 400,
      message:
        "You have sent too many requests in too short a period of time. The quota helps protect against denial-of-service attacks. Try again later.",
    },
  },
  config: {
    name: "config",
    protocol: "json",
    targetPrefix: "StarlingDoveService",
    global: false,
    throttle: { code: "ThrottlingException", status: 400, message: "Rate exceeded" },
  },
  ssm: {
    name: "ssm",
    protocol: "json",
    targetPrefix: "AmazonSSM",
    global: false,
    throttle: { code: "ThrottlingException", status: 400, message: "Rate exceeded" },
  },
};

/** Which service an unsigned request meant, from its X-Amz-Target or its Version parameter. */
export function guessService(target: string | undefined, version: string | undefined): ServiceInfo | undefined {
  const all = Object.values(SERVICES);
  if (target) return all.find((s) => s.targetPrefix && target.startsWith(`${s.targetPrefix}.`));
  if (version) return all.find((s) => s.version === version);
  return undefined;
}
