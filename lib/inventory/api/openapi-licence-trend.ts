// GET /api/v1/licence-position/trend in the OpenAPI document.

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const nullable = (type: string) => ({ type: [type, "null"] });
const json = (schema: Json) => ({ description: "OK", content: { "application/json": { schema } } });
const ERRORS = {
  "400": {
    description: "Invalid period: error.fieldErrors names from or to",
    content: { "application/json": { schema: ref("Error") } },
  },
  "401": {
    description: "No session and no valid API token",
    content: { "application/json": { schema: ref("Error") } },
  },
};

export const LICENCE_TREND_PATHS: Json = {
  "/api/v1/licence-position/trend": {
    get: {
      operationId: "getLicenceTrend",
      summary:
        "Licence figures per product + edition + metric over a period, from the run snapshots, with each group's peak and the IBM PVU peak",
      parameters: [
        {
          name: "from",
          in: "query",
          schema: { type: "string" },
          description:
            "Start: an ISO 8601 date (that day, 00:00 UTC) or date-time with offset. Default: 30 days before `to`.",
        },
        {
          name: "to",
          in: "query",
          schema: { type: "string" },
          description: "End, included: an ISO 8601 date (the whole UTC day) or date-time with offset. Default: now.",
        },
      ],
      responses: {
        "200": json({
          type: "object",
          required: ["from", "to", "snapshots", "gaps", "data"],
          properties: {
            from: { type: "string", format: "date-time" },
            to: { type: "string", format: "date-time" },
            snapshots: {
              type: "array",
              description:
                "Every whole-inventory snapshot of the trend in time order; the first may be from before `from` (the value current when the period began)",
              items: {
                type: "object",
                properties: {
                  takenAt: { type: "string", format: "date-time" },
                  computed: { type: "boolean", description: "false: the snapshot holds no licence figures (a gap)" },
                  softwareUnknown: nullable("integer"),
                },
              },
            },
            gaps: { type: "integer", description: "Snapshots without licence figures: gaps, never counted as 0" },
            data: { type: "array", items: ref("LicenceTrendGroup") },
          },
        }),
        ...ERRORS,
      },
    },
  },
};

export const LICENCE_TREND_SCHEMAS: Json = {
  LicenceTrendGroup: {
    type: "object",
    properties: {
      key: { type: "string", description: "product|edition|metric" },
      product: { type: "string" },
      productName: { type: "string" },
      edition: nullable("string"),
      metric: { type: "string" },
      points: {
        type: "array",
        items: {
          type: "object",
          description: "The group's total at one snapshot; null figures: that snapshot holds none (a gap), not 0",
          properties: {
            takenAt: { type: "string", format: "date-time" },
            quantity: nullable("number"),
            lines: nullable("integer"),
            missing: nullable("integer"),
          },
        },
      },
      peak: {
        type: ["object", "null"],
        description: "The highest quantity, the first snapshot it was reached at, out of how many with figures",
        properties: {
          quantity: { type: "number" },
          takenAt: { type: "string", format: "date-time" },
          missing: { type: "integer", description: "Lines without a figure at the peak (not added as 0)" },
          snapshots: { type: "integer" },
        },
      },
      pvuPeak: {
        type: ["object", "null"],
        description: "PVU groups: the vCPU peak priced at today's PVU rate (IBM sub-capacity licenses the peak)",
        properties: {
          peakVcpus: { type: "integer" },
          at: { type: "string", format: "date-time" },
          pvus: { type: "number" },
          samples: { type: "integer" },
          arithmetic: { type: "string" },
        },
      },
    },
  },
};
