import { ConfigServiceClient, paginateSelectAggregateResourceConfig } from "@aws-sdk/client-config-service";
import { CONFIG_ITEM_FIELDS, isDeletedConfigItem, parseConfigItem } from "../../resources/collect/config-item";
import { attemptsOf, type ConfigFetchContext, pageSizeFor, sendOptions } from "../../resources/collect/fetch-context";
import { collector } from "../../resources/collectors";
import { RESOURCES } from "../../resources/registry";
import { RESOURCE_TYPES, type ResourceType, type RowOf } from "../../resources/rows";

// The types AWS Config records (a configResourceType in their definition). Reservations are
// not recorded: the Config adapter still reads them with fetchScope per account and region.
export const CONFIG_TYPES: ResourceType[] = RESOURCE_TYPES.filter(
  (type) => RESOURCES[type].aws.configResourceType !== null,
);

/** A row with the account and region Config recorded it in, to group into scopes. */
export type ConfigRow<T extends ResourceType> = { accountId: string; region: string; row: RowOf<T> };
export type ConfigFetchedPage<T extends ResourceType> = { rows: ConfigRow<T>[]; requests: number };

/**
 * The advanced query for one type. The whole `configuration` is selected: Config indexes only
 * some of its paths for querying (not platformDetails, usageOperation or licenses), but returns
 * the full item when asked for it, and mapping it like a Describe answer keeps both adapters
 * on one mapper.
 */
export function configExpression(resourceType: ResourceType): string {
  const configResourceType = RESOURCES[resourceType].aws.configResourceType;
  if (!configResourceType) throw new Error(`AWS Config does not record ${resourceType}`);
  return `SELECT ${CONFIG_ITEM_FIELDS.join(", ")} WHERE resourceType = '${configResourceType}'`;
}

/**
 * Streams every recorded resource of one type across the aggregator's accounts and regions,
 * page by page; items of deleted resources are dropped (a page may then hold fewer rows, even
 * none). Errors propagate unchanged. What Config items lack (AMI names, for instances) the
 * caller fills per account + region with the type's completeConfigRows.
 */
export async function* fetchConfigType<T extends ResourceType>(
  ctx: ConfigFetchContext,
  resourceType: T,
): AsyncGenerator<ConfigFetchedPage<T>> {
  const toRow = collector(resourceType).fromConfigItem;
  const expression = configExpression(resourceType);
  if (!toRow) throw new Error(`AWS Config does not record ${resourceType}`);
  const client = ctx.session.client(ConfigServiceClient, {
    accountId: ctx.aggregatorAccountId,
    region: ctx.aggregatorRegion,
  });
  const input = {
    ConfigurationAggregatorName: ctx.aggregatorName,
    Expression: expression,
    Limit: pageSizeFor("selectAggregateResourceConfig", ctx.limit),
  };
  const pages = paginateSelectAggregateResourceConfig(
    { client, stopOnSameToken: true },
    input,
    sendOptions(ctx.signal),
  );
  for await (const page of pages) {
    const rows = (page.Results ?? [])
      .map(parseConfigItem)
      .filter((item) => !isDeletedConfigItem(item))
      .map((item) => ({ accountId: item.accountId, region: item.awsRegion, row: toRow(item) }));
    yield { rows, requests: attemptsOf(page) };
  }
}
