import { describe, expect, it } from "vitest";
import { TYPE_CONFIG, supportedFilters } from "../query/config";
import { INVENTORY_TYPES } from "../query/types";
import { buildOpenApiDocument } from "./openapi";

type Parameter = { name: string; in: string; schema: { enum?: string[]; maximum?: number } };
type Operation = { parameters: Parameter[]; responses: Record<string, unknown> };

const doc = buildOpenApiDocument() as {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: {
    securitySchemes: Record<string, unknown>;
    schemas: Record<string, { properties?: Record<string, { properties?: Record<string, unknown> }> }>;
  };
};

describe("buildOpenApiDocument", () => {
  it("is OpenAPI 3.1 with a list and an export path per type, behind bearer auth", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        ...INVENTORY_TYPES.flatMap((type) => [`/api/v1/${type}`, `/api/v1/${type}/export`]),
        "/api/v1/licence-position",
        "/api/v1/licence-position/lines",
        "/api/v1/licence-position/export",
        "/api/v1/licence-position/trend",
        "/api/v1/software",
      ].sort(),
    );
    expect(doc.components.securitySchemes.bearerAuth).toMatchObject({ type: "http", scheme: "bearer" });
  });

  it.each(INVENTORY_TYPES)("%s: every filter, the sort enum and paging are parameters", (type) => {
    const list = doc.paths[`/api/v1/${type}`].get.parameters;
    const exported = doc.paths[`/api/v1/${type}/export`].get.parameters;
    for (const parameters of [list, exported]) {
      const names = parameters.map((parameter) => parameter.name);
      for (const filter of supportedFilters(type)) expect(names, `${type} ${filter}`).toContain(filter);
      expect(names).toEqual(expect.arrayContaining(["q", "sort", "order", "includeRemoved"]));
      expect(parameters.find((parameter) => parameter.name === "sort")?.schema.enum).toEqual(
        TYPE_CONFIG[type].sortable,
      );
      expect(parameters.every((parameter) => parameter.in === "query")).toBe(true);
    }
    expect(list.find((parameter) => parameter.name === "limit")?.schema.maximum).toBe(1000);
    expect(list.map((parameter) => parameter.name)).toContain("cursor");
    expect(exported.find((parameter) => parameter.name === "format")?.schema.enum).toEqual(["csv", "xlsx", "json"]);
  });

  it("describes every field of each type's rows", () => {
    for (const type of INVENTORY_TYPES) {
      const name = Object.keys(doc.components.schemas).find(
        (key) => key.toLowerCase() === `${type.replace("-", "")}row`,
      )!;
      const fields = Object.keys(doc.components.schemas[name].properties!.fields.properties!);
      expect(fields.sort()).toEqual([...TYPE_CONFIG[type].columns, ...TYPE_CONFIG[type].dataFields].sort());
    }
  });

  it("documents filters as repeatable (any of the values) and the stale filter, on lists and exports", () => {
    for (const type of INVENTORY_TYPES) {
      for (const path of [`/api/v1/${type}`, `/api/v1/${type}/export`]) {
        const parameters = doc.paths[path].get.parameters as (Parameter & {
          style?: string;
          explode?: boolean;
          schema: { type?: string };
        })[];
        for (const filter of supportedFilters(type)) {
          const parameter = parameters.find((each) => each.name === filter)!;
          expect(parameter, `${path} ${filter}`).toMatchObject({
            style: "form",
            explode: true,
            schema: { type: "array" },
          });
        }
        expect(parameters.find((each) => each.name === "stale")?.schema.type, `${path} stale`).toBe("boolean");
      }
    }
    expect(Object.keys(doc.components.schemas.Query.properties!)).toContain("stale");
  });

  it("has only resolvable $refs", () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(
      (match) => match[1],
    );
    expect(refs.length).toBeGreaterThan(0);
    for (const name of refs) expect(doc.components.schemas, name).toHaveProperty([name]);
  });

  it("documents the coverage object (gaps behind the figures) on every list and JSON export", () => {
    const json = (value: unknown) => JSON.stringify(value);
    for (const type of INVENTORY_TYPES) {
      expect(json(doc.paths[`/api/v1/${type}`].get.responses["200"])).toContain(
        '"coverage":{"$ref":"#/components/schemas/Coverage"}',
      );
      expect(json(doc.paths[`/api/v1/${type}/export`].get.responses["200"])).toContain(
        '"coverage":{"$ref":"#/components/schemas/Coverage"}',
      );
    }
    expect(Object.keys(doc.components.schemas.Coverage.properties!)).toEqual(["complete", "gaps", "excluded"]);
    expect(Object.keys(doc.components.schemas.CoverageGap.properties!)).toEqual(
      expect.arrayContaining([
        "accountId",
        "region",
        "resourceType",
        "status",
        "since",
        "errorCode",
        "action",
        "reason",
      ]),
    );
  });
});
