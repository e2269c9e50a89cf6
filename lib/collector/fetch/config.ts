import { ConfigServiceClient, paginateSelectAggregateResourceConfig } from "@aws-sdk/client-config-service";
import { CONFIG_ITEM_FIELDS, type ConfigItem, dbInstanceFromConfigItem, hostFromConfigItem, instanceFromConfigItem, isDeletedConfigItem, parseConfigItem } from "../map/config-item";
import type { ResourceType, RowOf } from "../../resources/rows";
import { attemptsOf, type ConfigFetchContext, pageSizeFor, sendOptions } from "./context";

// AWS Config records instances, dedicated hosts and DB instances, but not reserved instances:
// the Config adapter still reads those with fetchScope(ctx, "reserved-instance") per account
// and region.
export type ConfigResourceType = Exclude<ResourceType, "reserved-instance">;

export const CONFIG_RESOURCE_TYPES: { [T in ConfigResourceType]: string } = {
  "ec2-instance": "AWS::EC2::Instance",
  "dedicated-host": "AWS::EC2::Host",
  "rds-db-instance": "AWS::RDS::DBInstance",
};

const FROM_ITEM: { [T in ConfigResourceType]: (item: ConfigItem) => RowOf<T> } = {
  "ec2-instance": instanceFromConfigItem,
  "dedicated-host": hostFromConfigItem,
  "rds-db-instance": dbInstanceFromConfigItem,
};

/** A row with the account and region Config recorded it in, to group into scopes. */
export type ConfigRow<T extends ConfigResourceType> = { accountId: string; region: string; row: RowOf<T> };
export type ConfigFetchedPage<T extends ConfigResourceType> = { rows: ConfigRow<T>[]; requests: number };

/**
 * The advanced query for one type. The whole `configuration` is selected: Config indexes only
 * some of its paths for querying (not platformDetails, usageOperation or licenses), but returns
 * the full item when asked for it, and mapping it like a Describe answer keeps both adapters
 * on one mapper.
 */
export function configExpression(resourceType: ConfigResourceType): string {
  return `SELECT ${CONFIG_ITEM_FIELDS.join(", ")} WHERE resourceType = '${CONFIG_RESOURCE_TYPES[resourceType]}'`;
}

/**
 * Streams every recorded resource of one type across the aggregator's accounts and regions,
 * page by page; items of deleted resources are dropped (a page may then hold fewer rows, even
 * none). Errors propagate unchanged. AMI names are not in Config: the caller may fill them per
 * account + region with fillImageDetails.
 */
export async function* fetchConfigType<T extends ConfigResourceType>(ctx: ConfigFetchContext, resourceType: T): AsyncGenerator<ConfigFetchedPage<T>> {
  const toRow = FROM_ITEM[resourceType] as (item: ConfigItem) => RowOf<T>;
  if (!toRow) throw new Error(`AWS Config does not record ${resourceType}`);
  const client = ctx.session.client(ConfigServiceClient, { accountId: ctx.aggregatorAccountId, region: ctx.aggregatorRegion });
  const input = { ConfigurationAggregatorName: ctx.aggregatorName, Expression: configExpression(resourceType), Limit: pageSizeFor("selectAggregateResourceConfig", ctx.limit) };
  const pages = paginateSelectAggregateResourceConfig({ client, stopOnSameToken: true }, input, sendOptions(ctx.signal));
  for await (const page of pages) {
    const rows = (page.Results ?? []).map(parseConfigItem).filter((item) => !isDeletedConfigItem(item)).map((item) => ({ accountId: item.accountId, region: item.awsRegion, row: toRow(item) }));
    yield { rows, requests: attemptsOf(page) };
  }
}
