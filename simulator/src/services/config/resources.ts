// Config's view of the world: one configuration item per EC2 instance, dedicated host and RDS
// DB instance, with `configuration` in Config's camelCase (note RDS's `dBInstanceIdentifier`).
// Config does not record reserved instances.
import { arn } from "../../world/partitions";
import { hostView } from "../../world/host-view";
import type { Tag } from "../../world/types";
import type { World } from "../../world/world";

export const CONFIG_TYPES = ["AWS::EC2::Instance", "AWS::EC2::Host", "AWS::RDS::DBInstance"] as const;

/** LaunchTime → launchTime, DBInstanceClass → dBInstanceClass, Tags[].Key → tags[].key. */
export function camelize(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelize);
  if (!value || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k[0].toLowerCase() + k.slice(1)] = camelize(v);
  return out;
}

const configTags = (tags: Tag[] | undefined) =>
  (tags ?? []).map((t) => ({ key: t.Key, value: t.Value, tag: `${t.Key}=${t.Value}` }));
const CAPTURE = "2026-11-15T06:00:00.000Z";

export interface ConfigRecord {
  accountId: string;
  awsRegion: string;
  resourceType: string;
  resourceId: string;
  [key: string]: unknown;
}

function record(base: Omit<ConfigRecord, "configuration">, build: () => unknown): ConfigRecord {
  // `configuration` is built on first read: a WHERE on resourceType/accountId over a large
  // world then costs nothing for the resources it discards.
  let cached: unknown;
  return Object.defineProperty(
    { ...base, configurationItemCaptureTime: CAPTURE, configurationItemStatus: "OK" },
    "configuration",
    {
      enumerable: true,
      get: () => (cached ??= build()),
    },
  ) as unknown as ConfigRecord;
}

export function configRecords(world: World, accountId: string, region: string, type: string): ConfigRecord[] {
  const store = world.region(accountId, region);
  if (!store) return [];
  const p = world.partition;
  const common = { accountId, awsRegion: region };
  if (type === "AWS::EC2::Instance") {
    return store.instances
      .filter((i) => i.State.Name !== "terminated")
      .map((i) =>
        record(
          {
            ...common,
            resourceType: type,
            resourceId: i.InstanceId,
            arn: arn(p, "ec2", region, accountId, `instance/${i.InstanceId}`),
            availabilityZone: i.Placement.AvailabilityZone,
            resourceCreationTime: i.LaunchTime,
            tags: configTags(i.Tags),
          },
          () => {
            // The reservation is not part of Config's instance configuration.
            const rest: Partial<typeof i> = { ...i };
            delete rest.ReservationId;
            // Not reported to EC2 callers, so not recorded by Config either.
            if (i.OmitCpuOptions) delete rest.CpuOptions;
            delete rest.OmitCpuOptions;
            // The SSM Agent's report is SSM's, not part of the EC2 configuration item.
            delete rest.Ssm;
            return camelize(rest);
          },
        ),
      );
  }
  if (type === "AWS::EC2::Host") {
    return store.hosts.map((h) =>
      record(
        {
          ...common,
          resourceType: type,
          resourceId: h.HostId,
          arn: arn(p, "ec2", region, accountId, `dedicated-host/${h.HostId}`),
          availabilityZone: h.AvailabilityZone,
          resourceCreationTime: h.AllocationTime,
          tags: configTags(h.Tags),
        },
        () => ({ ...(camelize(hostView(store, h)) as object), state: { value: h.State } }),
      ),
    );
  }
  if (type === "AWS::RDS::DBInstance") {
    // For RDS, Config's resourceId is the DbiResourceId and resourceName the identifier.
    return store.dbInstances.map((d) =>
      record(
        {
          ...common,
          resourceType: type,
          resourceId: d.DbiResourceId,
          resourceName: d.DBInstanceIdentifier,
          arn: d.DBInstanceArn,
          availabilityZone: d.AvailabilityZone,
          resourceCreationTime: d.InstanceCreateTime,
          tags: configTags(d.TagList),
        },
        () => camelize(d),
      ),
    );
  }
  return [];
}
