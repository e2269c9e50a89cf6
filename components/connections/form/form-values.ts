import { REGIONS, type Partition } from "@/lib/aws/partitions";
import type { StoredConfig } from "@/lib/connections/schemas";

// The form's own shape: lists are edited as text (one per line), secrets start blank.
export type ConnectionFormValues = {
  name: string;
  partition: string;
  adapter: string;
  aggregatorName: string;
  aggregatorRegion: string;
  credentialSource: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  clearSessionToken: boolean;
  mfaSerial: string;
  mfaSessionHours: number;
  ambientProvider: string;
  roleChain: { roleArn: string; externalId: string }[];
  externalId: string;
  roleSessionName: string;
  accountMode: string;
  roleArns: string;
  organizationalUnitIds: string;
  memberRoleName: string;
  excludeAccountIds: string;
  regionMode: string;
  regions: string[];
  proxyUrl: string;
  proxyUsername: string;
  proxyPassword: string;
  clearProxyPassword: boolean;
  endpointUrl: string;
  concurrency: number;
  collectSoftware: boolean;
  scheduleOn: boolean;
  schedule: string;
};

export type InitialConnection = Partial<StoredConfig> & { name?: string; schedule?: string };

export function initialFormValues(initial: InitialConnection | undefined, externalId: string): ConnectionFormValues {
  const lines = (values: string[] | undefined) => (values ?? []).join("\n");
  return {
    name: initial?.name ?? "",
    partition: initial?.partition ?? "aws",
    adapter: initial?.adapter ?? "direct",
    aggregatorName: initial?.aggregatorName ?? "",
    aggregatorRegion: initial?.aggregatorRegion ?? "",
    credentialSource: initial?.credentialSource ?? "access-key",
    accessKeyId: initial?.accessKeyId ?? "",
    secretAccessKey: "",
    sessionToken: "",
    clearSessionToken: false,
    mfaSerial: initial?.mfaSerial ?? "",
    mfaSessionHours: initial?.mfaSessionHours ?? 12,
    ambientProvider: initial?.ambientProvider ?? "instance-profile",
    roleChain: (initial?.roleChain ?? []).map((hop) => ({ roleArn: hop.roleArn, externalId: hop.externalId ?? "" })),
    externalId: initial?.externalId ?? externalId,
    roleSessionName: initial?.roleSessionName ?? "cirrus",
    accountMode: initial?.accountMode ?? "self",
    roleArns: lines(initial?.roleArns),
    organizationalUnitIds: lines(initial?.organizationalUnitIds),
    memberRoleName: initial?.memberRoleName ?? "",
    excludeAccountIds: lines(initial?.excludeAccountIds),
    regionMode: initial?.regionMode ?? "all-enabled",
    regions: initial?.regions ?? [],
    proxyUrl: initial?.proxyUrl ?? "",
    proxyUsername: initial?.proxyUsername ?? "",
    proxyPassword: "",
    clearProxyPassword: false,
    endpointUrl: initial?.endpointUrl ?? "",
    concurrency: initial?.concurrency ?? 8,
    collectSoftware: initial?.collectSoftware ?? true,
    scheduleOn: initial ? Boolean(initial.schedule) : true,
    schedule: initial?.schedule || "*/30 * * * *",
  };
}

// What the server action and the test route receive: the schema's input shape. Ticked regions
// of another partition stay in the form's state after the partition changes, with no checkbox
// left to untick them: they are left out here (the server refuses them in every region mode).
export function toSubmission(values: ConnectionFormValues) {
  const { scheduleOn, schedule, ...rest } = values;
  const partitionRegions: readonly string[] = REGIONS[values.partition as Partition] ?? [];
  const regions = (Array.isArray(values.regions) ? values.regions : []).filter((region) =>
    partitionRegions.includes(region),
  );
  return { ...rest, regions, schedule: scheduleOn ? schedule : "" };
}
