// lib/collector/fetch: streaming readers of AWS inventory, page by page, as rows. Direct adapter:
// fetchScope per account x region x type. Config adapter: fetchConfigType per type across the
// aggregator (reserved instances still through fetchScope).
export { fetchScope, FETCH_ACTIONS } from "./fetch-scope";
export { fetchConfigType, configExpression, CONFIG_RESOURCE_TYPES, type ConfigFetchedPage, type ConfigResourceType, type ConfigRow } from "./config";
export { ImageCache } from "./image-cache";
export { fillInstanceTypeFacts, InstanceTypeCache, INSTANCE_TYPES_PER_PAGE, type InstanceTypeLookupContext } from "./instance-types";
export { fillImageDetails, resolveImages, IMAGE_IDS_PER_CALL, type ImageLookupContext } from "./images";
export { PAGE_LIMITS, pageSizeFor, type ConfigFetchContext, type ScopeFetchContext } from "./context";
