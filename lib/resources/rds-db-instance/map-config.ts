import type { DBInstance } from "@aws-sdk/client-rds";
import { type ConfigItem, dates, sdkShape, sdkTags } from "../collect/config-item";
import { mapDbInstance } from "./map";
import type { DbInstanceRow } from "./row";

/** An AWS::RDS::DBInstance Config item as the row DescribeDBInstances would give. */
export function dbInstanceFromConfigItem(item: ConfigItem): DbInstanceRow {
  const config = dates(sdkShape(item), ["InstanceCreateTime", "LatestRestorableTime"]);
  // For RDS, Config's resourceId is the DbiResourceId and resourceName the identifier.
  const db = {
    ...config,
    DBInstanceIdentifier: config.DBInstanceIdentifier ?? item.resourceName,
    DbiResourceId: config.DbiResourceId ?? item.resourceId,
    TagList: sdkTags(item) ?? config.TagList,
  } as DBInstance;
  return mapDbInstance(db);
}
