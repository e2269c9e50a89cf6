// lib/collector/fetch: streaming readers of AWS inventory, page by page, as rows, through each
// type's collector (lib/resources/collectors.ts). Direct adapter: fetchScope per account x
// region x type. Config adapter: fetchConfigType per type across the aggregator (reserved
// instances still through fetchScope).
export { fetchScope } from "./fetch-scope";
export { fetchConfigType, configExpression, CONFIG_TYPES, type ConfigFetchedPage, type ConfigRow } from "./config";
