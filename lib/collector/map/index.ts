// lib/collector/map: pure mappers from AWS SDK v3 output (and AWS Config advanced-query items)
// to the rows of ../rows.ts. No I/O.
export { builtInTypeFacts, hasCpuOptions, instanceCpuTopology, mapInstance, type ImageDetails, type ReservationInfo, type TypeCpuFacts, type TypeFactsLookup } from "./instance";
export { mapHost } from "./host";
export { mapReservedInstance } from "./reserved-instance";
export { mapDbInstance } from "./db-instance";
export { CONFIG_ITEM_FIELDS, dbInstanceFromConfigItem, hostFromConfigItem, instanceFromConfigItem, isDeletedConfigItem, parseConfigItem, pascalize, type ConfigItem } from "./config-item";
export { jsonSafe } from "./values";
