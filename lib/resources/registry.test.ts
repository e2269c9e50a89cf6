import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NAV_SECTIONS } from "@/components/layout/nav-items";
import { inventoryCall, inventoryCheckLabel } from "@/lib/connections/probe/inventory-calls";
import type { AwsConnectionSettings } from "@/lib/aws/settings";
import { generatePolicies, regionalActions } from "@/lib/connections/policies";
import { RESOURCE_LABELS } from "@/lib/coverage/labels";
import { buildOpenApiDocument } from "@/lib/inventory/api/openapi";
import { exportColumns } from "@/lib/inventory/export/columns";
import { ALL_COLUMNS, defaultColumns } from "@/lib/inventory/query/columns";
import { TYPE_CONFIG } from "@/lib/inventory/query/config";
import { isInventoryType } from "@/lib/inventory/query/types";
import { COLLECTORS } from "./collectors";
import { PROBES } from "./probes";
import { RESOURCE_LIST, RESOURCE_SLUGS, RESOURCES, type ResourceSlug } from "./registry";
import { RESOURCE_TYPES } from "./rows";
import { SUMMARY_PARTS, summarizeInventory } from "./summarize";

// Every consumer of the registry must know every registered type: a type added to RESOURCES
// without its fetch, map, table, API path, export, IAM action, Test Connection call, coverage
// label, Overview part or navigation entry fails here, naming the consumer and the type.

const root = path.resolve(import.meta.dirname, "../..");
const schema = fs.readFileSync(path.join(root, "prisma/sqlite/schema.prisma"), "utf8");
const modelBody = (table: string) => schema.match(new RegExp(`model ${table} \\{([\\s\\S]*?)\\n\\}`))?.[1] ?? "";

const settings = (adapter: AwsConnectionSettings["adapter"]): AwsConnectionSettings => ({
  partition: "aws",
  adapter,
  credentials: { kind: "access-key", accessKeyId: "AKIAEXAMPLE000000000", secretAccessKey: "secret" },
  roleChain: [],
  externalId: "ext-1234567890",
  roleSessionName: "cirrus",
  accounts: { mode: "role-arns", roleArns: ["arn:aws:iam::222222222222:role/CirrusInventoryRole"] },
  regions: { mode: "all-enabled" },
  concurrency: 4,
});
const DIRECT = settings({ kind: "direct" });
const CONFIG = settings({
  kind: "config-aggregator",
  aggregatorName: "org",
  aggregatorRegion: "us-east-1",
} as AwsConnectionSettings["adapter"]);
const memberActions = (s: AwsConnectionSettings) =>
  generatePolicies(s, { principalArn: "arn:aws:iam::111111111111:user/cirrus" }).memberPolicy.Statement.flatMap((st) =>
    Array.isArray(st.Action) ? st.Action : [st.Action],
  );

describe("the resource registry", () => {
  it("lists each type once, under one name, one URL segment and one table", () => {
    expect(Object.keys(RESOURCES)).toEqual([...RESOURCE_TYPES]);
    for (const type of RESOURCE_TYPES) expect(RESOURCES[type].type).toBe(type);
    for (const key of ["slug", "table"] as const) {
      const values = RESOURCE_LIST.map((d) => (key === "slug" ? d.slug : d.store.table));
      expect(new Set(values).size, `${key} shared by two types`).toBe(values.length);
    }
  });

  describe.each(RESOURCE_LIST.map((d) => [d.type, d] as const))("%s", (type, definition) => {
    const slug = definition.slug as ResourceSlug;

    it("collector: fetches through the Direct adapter and maps Config items exactly when Config records the type", () => {
      expect(typeof COLLECTORS[type].fetch, "fetch").toBe("function");
      expect(COLLECTORS[type].fromConfigItem === null, "fromConfigItem").toBe(
        definition.aws.configResourceType === null,
      );
    });

    it("store: its table exists in the schema, unique on account, region and the resource id, with every stored column", () => {
      const body = modelBody(definition.store.table);
      expect(body, `model ${definition.store.table}`).not.toBe("");
      expect(body).toContain(`@@unique([accountId, region, ${definition.store.idField}])`);
      for (const column of [definition.store.idField, ...definition.table.columns])
        expect(body, column).toMatch(new RegExp(`\\n\\s+${column}\\s`));
    });

    it("inventory table: config, columns and filters, every typed column and sort key shown or stored", () => {
      expect(isInventoryType(slug)).toBe(true);
      const config = TYPE_CONFIG[slug];
      expect(config.idColumn).toBe(definition.store.idField);
      expect(defaultColumns(slug).length).toBeGreaterThan(0);
      for (const column of definition.table.columns) expect(ALL_COLUMNS[slug], column).toContain(column);
      for (const column of Object.values(definition.table.filters))
        expect(modelBody(definition.store.table), `filter column ${column}`).toMatch(new RegExp(`\\n\\s+${column}\\s`));
      expect(config.sortable).toContain(config.defaultSort);
    });

    it("API: the OpenAPI document lists it and its export", () => {
      const doc = buildOpenApiDocument() as { paths: Record<string, unknown> };
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([`/api/v1/${slug}`, `/api/v1/${slug}/export`]));
    });

    it("exports: every typed column and the context columns", () => {
      const keys = exportColumns(slug).map((c) => c.key);
      for (const column of definition.table.columns) expect(keys, column).toContain(column);
      expect(keys).toEqual(expect.arrayContaining(["accountId", "region", "firstSeenAt", "lastSeenAt", "removedAt"]));
    });

    it("IAM policy: the generated member policy grants what collecting it calls, for both adapters", () => {
      const direct = memberActions(DIRECT);
      for (const action of [definition.aws.read, ...definition.aws.helpers]) expect(direct, action).toContain(action);
      const config = memberActions(CONFIG);
      for (const action of definition.aws.helpers) expect(config, action).toContain(action);
      if (definition.aws.configResourceType === null) expect(config).toContain(definition.aws.read);
    });

    it("Test Connection: proves each of its actions with a call, under a label naming the type", () => {
      for (const action of [definition.aws.read, ...definition.aws.helpers]) {
        expect(() => inventoryCall(action), action).not.toThrow();
        expect(Object.keys(PROBES[type])).toContain(action);
      }
      expect(regionalActions(DIRECT.adapter)).toContain(definition.aws.read);
      expect(inventoryCheckLabel(definition.aws.read)).toContain(definition.labels.title);
    });

    it("coverage and navigation: a label for banners and an Inventory entry leading to its page", () => {
      expect(RESOURCE_LABELS[type]).toEqual({ short: definition.labels.short, figures: definition.labels.figures });
      const inventory = NAV_SECTIONS.find((section) => section.label === "Inventory")!;
      expect(inventory.items).toContainEqual({ href: `/inventory/${slug}`, label: definition.labels.nav });
      expect(fs.existsSync(path.join(root, "app/(dashboard)/inventory/[type]/page.tsx"))).toBe(true);
      for (const route of [
        "app/api/inventory/[type]/route.ts",
        "app/api/v1/[type]/route.ts",
        "app/api/v1/[type]/export/route.ts",
      ])
        expect(fs.existsSync(path.join(root, route)), route).toBe(true);
    });
  });

  it("Overview: every type contributes its part of the summary, and the summary holds every part", () => {
    const input = { instances: [], hosts: [], reservedInstances: [], dbInstances: [] };
    const now = new Date("2026-12-01T00:00:00Z");
    const summary = summarizeInventory(input, now);
    for (const type of RESOURCE_TYPES) {
      const part = SUMMARY_PARTS[type](input, now);
      expect(Object.keys(part).length, type).toBeGreaterThan(0);
      expect(summary).toMatchObject(part);
    }
  });

  it("navigation lists the types in the registry's order and nothing else", () => {
    const inventory = NAV_SECTIONS.find((section) => section.label === "Inventory")!;
    expect(inventory.items.map((item) => item.href)).toEqual(RESOURCE_SLUGS.map((slug) => `/inventory/${slug}`));
  });
});
