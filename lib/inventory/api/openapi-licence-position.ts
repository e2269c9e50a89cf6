import { BASES } from "@/lib/licensing/estate/aggregate";
import { LINE_COLUMNS } from "../licence-position/export-columns";
import { NO_EDITION } from "../licence-position/filters";

// /api/v1/licence-position (summary, lines, export) and /api/v1/software in the OpenAPI document;
// the trend is in openapi-licence-trend.ts.

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });
const repeatable = (name: string, description: string, items: Json = { type: "string" }): Json => ({
  name,
  in: "query",
  schema: { type: "array", items },
  style: "form",
  explode: true,
  description: `${description} Repeat the parameter to match any of several values.`,
});
const PRODUCT = repeatable("product", "Product id, e.g. sql-server, oracle-database, ibm-mq.");
const EDITION = repeatable("edition", `Edition as recognised, e.g. Standard; "${NO_EDITION}" for lines without one.`);
const ACCOUNT = repeatable("account", "12-digit account ID or account alias (case-insensitive).");
const LINE_FILTERS = [
  PRODUCT,
  EDITION,
  repeatable("metric", "processor licences, core licences, PVUs or subscriptions."),
  repeatable("basis", "How the licence is paid.", { enum: [...BASES] }),
  ACCOUNT,
];
const ERRORS = {
  "400": {
    description: "Invalid filter: error.fieldErrors names each parameter",
    content: { "application/json": { schema: ref("Error") } },
  },
  "401": {
    description: "No session and no valid API token",
    content: { "application/json": { schema: ref("Error") } },
  },
};
const json = (schema: Json) => ({ description: "OK", content: { "application/json": { schema } } });

export const LICENCE_POSITION_PATHS: Json = {
  "/api/v1/licence-position": {
    get: {
      operationId: "getLicencePosition",
      summary:
        "Licence requirements per product + edition + metric, by basis and account, and the instances whose software is unknown",
      parameters: LINE_FILTERS,
      responses: {
        "200": json({
          type: "object",
          required: ["generatedAt", "filter", "data", "softwareUnknown", "coverage"],
          properties: {
            generatedAt: { type: "string", format: "date-time" },
            filter: { type: "object" },
            data: { type: "array", items: ref("PositionGroup") },
            softwareUnknown: {
              type: "object",
              description: "Instances left out of every software figure (never counted as having none)",
              properties: {
                count: { type: "integer" },
                staleDays: { type: "integer", description: "SOFTWARE_STALE_DAYS: older inventory counts as unknown" },
                rows: { type: "array", items: ref("SoftwareUnknown") },
              },
            },
            coverage: ref("Coverage"),
          },
        }),
        ...ERRORS,
      },
    },
  },
  "/api/v1/licence-position/lines": {
    get: {
      operationId: "listLicenceLines",
      summary: "The requirement lines behind a figure, each with its rule, arithmetic, evidence and flags",
      parameters: LINE_FILTERS,
      responses: {
        "200": json({
          type: "object",
          properties: {
            generatedAt: { type: "string", format: "date-time" },
            filter: { type: "object" },
            data: { type: "array", items: ref("LicenceLine") },
            coverage: ref("Coverage"),
          },
        }),
        ...ERRORS,
      },
    },
  },
  "/api/v1/licence-position/export": {
    get: {
      operationId: "exportLicenceLines",
      summary: "The requirement lines of a filtered view as a file",
      parameters: [
        ...LINE_FILTERS,
        { name: "format", in: "query", schema: { enum: ["csv", "xlsx", "json"], default: "csv" } },
      ],
      responses: {
        "200": {
          description: `Attachment cirrus-licence-position-<UTC yyyyMMdd-HHmmss>.<format>. CSV columns: ${LINE_COLUMNS.map((c) => c.label).join(", ")}, then Exported at, Software unknown, Coverage complete, Coverage gaps; an empty Quantity means no figure (an input is missing), never 0. JSON: the same facts and rows (LicenceLine).`,
          content: { "text/csv": { schema: { type: "string" } }, "application/json": { schema: { type: "object" } } },
        },
        ...ERRORS,
      },
    },
  },
  "/api/v1/software": {
    get: {
      operationId: "listSoftware",
      summary: "Recognised products per instance, with the SSM facts each was recognised from",
      parameters: [PRODUCT, EDITION, ACCOUNT],
      responses: {
        "200": json({ type: "object", properties: { data: { type: "array", items: ref("SoftwareRow") } } }),
        ...ERRORS,
      },
    },
  },
};

const FIGURE = {
  type: "object",
  description: "quantity sums the lines with a figure; missing counts the lines without one (not added as 0)",
  properties: { quantity: { type: "number" }, lines: { type: "integer" }, missing: { type: "integer" } },
};
const BY_BASIS = { type: "object", properties: Object.fromEntries(BASES.map((b) => [b, FIGURE])) };

export const LICENCE_POSITION_SCHEMAS: Json = {
  PositionGroup: {
    type: "object",
    properties: {
      product: { type: "string" },
      productName: { type: "string" },
      edition: nullable("string"),
      metric: { type: "string" },
      total: FIGURE,
      byBasis: BY_BASIS,
      byAccount: {
        type: "array",
        items: {
          type: "object",
          properties: {
            accountId: { type: "string" },
            accountAlias: nullable("string"),
            total: FIGURE,
            byBasis: BY_BASIS,
          },
        },
      },
    },
  },
  LicenceLine: {
    type: "object",
    properties: {
      ...Object.fromEntries(LINE_COLUMNS.map((c) => [c.key, { type: ["string", "null"], description: c.label }])),
      quantity: { type: ["number", "null"], description: "null: an input is missing (see flags), never 0" },
      basis: { enum: [...BASES] },
      evidence: { type: "array", items: { type: "string" } },
      flags: { type: "array", items: { type: "string" } },
    },
  },
  SoftwareUnknown: {
    type: "object",
    properties: {
      instanceId: { type: "string" },
      accountId: { type: "string" },
      region: { type: "string" },
      state: nullable("string"),
      vcpus: nullable("integer"),
      reason: { enum: ["software-not-read", "not-managed", "agent-not-online", "inventory-outdated"] },
      detail: { type: "string" },
      lastKnownProducts: { type: "array", items: { type: "string" } },
    },
  },
  SoftwareRow: {
    type: "object",
    properties: {
      instanceId: { type: "string" },
      accountId: { type: "string" },
      region: { type: "string" },
      product: { type: "string" },
      productName: { type: "string" },
      edition: nullable("string"),
      free: { type: "boolean" },
      versions: { type: "array", items: { type: "string" } },
      evidence: { type: "array", items: { type: "string" } },
      unknownReason: { type: ["string", "null"], description: "Set when the instance's software is not current" },
    },
  },
};
