import { RESOURCE_TYPES } from "../../resources/rows";
import { resourceBySlug } from "../../resources/registry";
import { exportColumns } from "../export/columns";
import { COLUMNS } from "../query/columns";
import { TYPE_CONFIG, supportedFilters } from "../query/config";
import { MAX_FILTER_VALUES } from "../query/schemas";
import { INVENTORY_TYPES, type FilterKey, type InventoryType } from "../query/types";
import { LICENCE_POSITION_PATHS, LICENCE_POSITION_SCHEMAS } from "./openapi-licence-position";
import { LICENCE_TREND_PATHS, LICENCE_TREND_SCHEMAS } from "./openapi-licence-trend";
import { API_DEFAULT_LIMIT, API_MAX_LIMIT } from "./parse-api-query";

type Json = Record<string, unknown>;

const FILTER_HELP: Record<FilterKey, string> = {
  connection: "Connection id",
  account: "12-digit account ID or account alias (case-insensitive)",
  region: "Region code, e.g. us-east-1",
  state: "State (instances, hosts, reservations) or status (databases)",
  instanceType: "Instance type, or DB instance class",
  licensedProduct: "Licensed product (instances) or product description (reserved instances)",
  licenceModel: "Licence model: license-included, byol, ...",
  tenancy: "Tenancy: default, dedicated, host",
  engine: "Database engine, e.g. oracle-ee",
  tag: "A tag as key=value",
};
const PREFIX_NOTE = " A value ending in * matches by prefix (case-insensitive), e.g. oracle-*.";
const REPEAT_NOTE = " Repeat the parameter to match any of several values (engine=sqlserver-se&engine=sqlserver-ee).";
const nullable = (type: string, extra: Json = {}): Json => ({ type: [type, "null"], ...extra });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const schemaName = (type: InventoryType, suffix: string) =>
  `${type.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}${suffix}`;

function fieldSchema(type: InventoryType, field: string): Json {
  const kind = COLUMNS[type].find((column) => column.id === field)?.kind;
  if (kind === "number") return nullable("number");
  if (kind === "date") return nullable("string", { format: "date-time" });
  if (kind === "boolean") return nullable("boolean");
  if (kind === undefined && !TYPE_CONFIG[type].columns.includes(field))
    return { type: ["string", "number", "boolean", "null"] };
  return nullable("string");
}

function rowSchema(type: InventoryType): Json {
  const config = TYPE_CONFIG[type];
  const fields = Object.fromEntries(
    [...config.columns, ...config.dataFields].map((field) => [field, fieldSchema(type, field)]),
  );
  return {
    type: "object",
    required: [
      "id",
      "resourceId",
      "connectionId",
      "accountId",
      "region",
      "firstSeenAt",
      "lastSeenAt",
      "removedAt",
      "removedReason",
      "stale",
      "seenBy",
      "fields",
    ],
    properties: {
      id: {
        type: "string",
        description:
          "Stored row id: one row per AWS resource (account + region + resource ID), whatever the connections that see it",
      },
      resourceId: { type: "string", description: `The ${config.idColumn}` },
      connectionId: {
        type: "string",
        description: "The connection of the newest observation, whose fields the row shows",
      },
      connectionName: nullable("string"),
      accountId: { type: "string", pattern: "^\\d{12}$" },
      accountAlias: nullable("string"),
      region: { type: "string" },
      firstSeenAt: { type: "string", format: "date-time" },
      lastSeenAt: { type: "string", format: "date-time" },
      removedAt: nullable("string", { format: "date-time" }),
      removedReason: {
        oneOf: [{ type: "null" }, { type: "string", enum: ["removed", "out-of-scope"] }],
        description:
          "removed: gone in AWS (every connection that saw it read its scope without it); out-of-scope: no connection covers it any more",
      },
      seenBy: {
        type: "array",
        items: { type: "string" },
        description: "Ids of every connection that saw the resource (the connection filter matches these)",
      },
      stale: {
        oneOf: [{ type: "null" }, ref("StaleInfo")],
        description: "Set when the row's scope failed in the latest run: the row is kept as last seen",
      },
      fields: { type: "object", properties: fields },
    },
  };
}

function queryParameters(type: InventoryType): Json[] {
  const config = TYPE_CONFIG[type];
  const filters = supportedFilters(type).map((key) => ({
    name: key,
    in: "query",
    schema: { type: "array", items: { type: "string" }, maxItems: MAX_FILTER_VALUES },
    style: "form",
    explode: true,
    description: FILTER_HELP[key] + (key in config.filters ? PREFIX_NOTE : "") + REPEAT_NOTE,
  }));
  return [
    {
      name: "q",
      in: "query",
      schema: { type: "string" },
      description: "Free text: resource id, name, tags and fields (case-insensitive)",
    },
    ...filters,
    { name: "sort", in: "query", schema: { type: "string", enum: config.sortable, default: config.defaultSort } },
    {
      name: "order",
      in: "query",
      schema: { type: "string", enum: ["asc", "desc"], default: "asc" },
      description: "Empty values sort last in both orders",
    },
    {
      name: "includeRemoved",
      in: "query",
      schema: { type: "boolean", default: false },
      description: "Also list resources no longer seen",
    },
    {
      name: "stale",
      in: "query",
      schema: { type: "boolean" },
      description:
        "true: only resources whose scope is stale (no connection read its account and region in its latest attempt: the row is kept as last seen); false: only current ones; absent: both",
    },
  ];
}

const ERRORS = {
  "400": {
    description: "Invalid query: error.fieldErrors names each parameter",
    content: { "application/json": { schema: ref("Error") } },
  },
  "401": {
    description: "No session and no valid API token",
    content: { "application/json": { schema: ref("Error") } },
  },
  "403": { description: "The role does not allow this", content: { "application/json": { schema: ref("Error") } } },
};

function paths(type: InventoryType): Json {
  const title = resourceBySlug(type).labels.title;
  const list = {
    get: {
      operationId: `list${schemaName(type, "")}`,
      summary: `List ${title}: the UI's filters and sort, keyset-paged`,
      parameters: [
        ...queryParameters(type),
        {
          name: "limit",
          in: "query",
          schema: { type: "integer", minimum: 1, maximum: API_MAX_LIMIT, default: API_DEFAULT_LIMIT },
        },
        {
          name: "cursor",
          in: "query",
          schema: { type: "string" },
          description: "nextCursor of the previous page, unchanged; keep the same filters and sort",
        },
      ],
      responses: {
        "200": {
          description: "One page",
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["data", "nextCursor", "limit", "query", "coverage"],
                properties: {
                  data: { type: "array", items: ref(schemaName(type, "Row")) },
                  nextCursor: nullable("string", { description: "null on the last page" }),
                  limit: { type: "integer" },
                  query: ref("Query"),
                  coverage: ref("Coverage"),
                },
              },
            },
          },
        },
        ...ERRORS,
      },
    },
  };
  const exportPath = {
    get: {
      operationId: `export${schemaName(type, "")}`,
      summary: `Export every ${title.replace(/s$/, "")} of the filtered, sorted view as a file`,
      parameters: [
        ...queryParameters(type),
        { name: "format", in: "query", schema: { type: "string", enum: ["csv", "xlsx", "json"], default: "csv" } },
      ],
      responses: {
        "200": {
          description: `Attachment cirrus-${type}-<UTC yyyyMMdd-HHmmss>.<format>. CSV: UTF-8 with BOM, RFC 4180, columns ${exportColumns(
            type,
          )
            .map((column) => column.key)
            .join(
              ", ",
            )}, exportedAt, snapshotAt, collectorVersion, coverageComplete, coverageGaps, coverageExcluded (gaps as "; "-separated lines); text starting with = + - @ TAB CR is prefixed with '. XLSX: the same columns typed, and an About sheet (coverageComplete, one coverageGap / coverageExcluded row per gap). JSON: a header with coverage, then rows.`,
          content: {
            "text/csv": { schema: { type: "string" } },
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
              schema: {
                type: "string",
                contentMediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
              },
            },
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  exportedAt: { type: "string", format: "date-time" },
                  snapshotAt: nullable("string", { format: "date-time" }),
                  collectorVersion: { type: "string" },
                  type: { const: type },
                  query: ref("Query"),
                  coverage: ref("Coverage"),
                  rows: {
                    type: "array",
                    items: {
                      allOf: [
                        ref(schemaName(type, "Row")),
                        {
                          type: "object",
                          properties: { tags: { type: "object", additionalProperties: { type: "string" } } },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
        },
        ...ERRORS,
      },
    },
  };
  return { [`/api/v1/${type}`]: list, [`/api/v1/${type}/export`]: exportPath };
}

// The OpenAPI 3.1 description of /api/v1, built from the same table config the API runs on,
// so a new filter or sortable column shows up here without a second edit.
export function buildOpenApiDocument(): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Cirrus inventory API",
      version: "1",
      description:
        "Read-only access to the AWS inventory Cirrus collected. Send an API token as Authorization: Bearer <token>.",
    },
    security: [{ bearerAuth: [] }],
    paths: Object.assign({}, ...INVENTORY_TYPES.map(paths), LICENCE_POSITION_PATHS, LICENCE_TREND_PATHS),
    components: {
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "An API token (Settings, or npm run token -- create); a signed-in session cookie works too",
        },
      },
      schemas: {
        Error: {
          type: "object",
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                fieldErrors: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              },
            },
          },
        },
        StaleInfo: {
          type: "object",
          properties: {
            lastSuccessAt: nullable("string", { format: "date-time" }),
            lastAttemptAt: { type: "string", format: "date-time" },
            lastErrorCode: nullable("string"),
          },
        },
        CoverageGap: {
          type: "object",
          required: ["accountId", "region", "resourceType", "status", "since", "errorCode", "action"],
          properties: {
            accountId: { type: "string", pattern: "^\\d{12}$" },
            region: { type: "string" },
            resourceType: { enum: [...RESOURCE_TYPES] },
            status: { enum: ["stale", "denied", "never-collected", "excluded"] },
            since: nullable("string", {
              format: "date-time",
              description: "Could not be read since: the newest successful read by any connection; null if never read",
            }),
            lastAttemptAt: nullable("string", { format: "date-time" }),
            errorCode: nullable("string", { description: "AWS's error code of the last attempt" }),
            action: nullable("string", {
              description: "The IAM action that was denied or failed, e.g. rds:DescribeDBInstances",
            }),
            reason: { type: "string", description: "excluded only: the administrator's reason" },
            excludedBy: nullable("string", { description: "excluded only: the administrator's e-mail" }),
            excludedAt: { type: "string", format: "date-time", description: "excluded only" },
          },
        },
        Coverage: {
          type: "object",
          description:
            "The account x region scopes of this resource type behind the rows (narrowed by the connection, account and region filters) that no connection has current. complete is false when any is stale, denied or never collected; scopes an administrator excluded are known gaps, listed under excluded.",
          required: ["complete", "gaps", "excluded"],
          properties: {
            complete: { type: "boolean" },
            gaps: { type: "array", items: ref("CoverageGap") },
            excluded: { type: "array", items: ref("CoverageGap") },
          },
        },
        Query: {
          type: "object",
          properties: {
            filters: {
              type: "object",
              description: "Each filter given: its value, or the list of values when it was repeated",
              additionalProperties: { oneOf: [{ type: "string" }, { type: "array", items: { type: "string" } }] },
            },
            sort: { type: "string" },
            order: { enum: ["asc", "desc"] },
            includeRemoved: { type: "boolean" },
            stale: nullable("boolean", { description: "The stale filter; null when not given" }),
          },
        },
        ...Object.fromEntries(INVENTORY_TYPES.map((type) => [schemaName(type, "Row"), rowSchema(type)])),
        ...LICENCE_POSITION_SCHEMAS,
        ...LICENCE_TREND_SCHEMAS,
      },
    },
  };
}
