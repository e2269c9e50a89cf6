import { describe, expect, it } from "vitest";
import { RESOURCE_LIST } from "../../resources/registry";
import { COLUMNS } from "../query/columns";
import type { InventoryType } from "../query/types";
import { CSV_FACT_LABELS, exportColumns } from "./columns";
import { csvChunks } from "./text-streams";

const types = RESOURCE_LIST.map((definition) => definition.slug as InventoryType);
const tableLabel = (type: InventoryType, id: string) => COLUMNS[type].find((column) => column.id === id)?.label;

describe("export columns", () => {
  it.each(types)("%s: every field's header is the table's label for it, and no two headers are alike", (type) => {
    const columns = exportColumns(type);
    for (const column of columns.filter((each) => tableLabel(type, each.key)))
      expect(column.label, column.key).toBe(tableLabel(type, column.key));
    // The context columns take the table's context labels (its Account, Region, Connection, First/Last seen).
    const byKey = Object.fromEntries(columns.map((column) => [column.key, column.label]));
    expect(byKey.accountId).toBe(tableLabel(type, "account"));
    expect(byKey.connectionName).toBe(tableLabel(type, "connection"));
    expect(byKey.lastSeenAt).toBe(tableLabel(type, "lastSeenAt"));
    const labels = [...columns.map((column) => column.label), ...CSV_FACT_LABELS];
    expect(new Set(labels).size, labels.join(" | ")).toBe(labels.length);
  });

  it.each(types)(
    "%s: one licence-model column; AWS's raw LicenseModel, where exported, under a header naming AWS",
    (type) => {
      const columns = exportColumns(type);
      expect(columns.filter((column) => /licen[cs]e model/i.test(column.label))).toHaveLength(
        columns.some((column) => column.key === "licenceModel") ? 1 : 0,
      );
      const raw = columns.find((column) => column.key === "licenseModel");
      if (raw) expect(raw.label).toMatch(/^AWS /);
    },
  );

  it("databases export both Cirrus's licence model and AWS's LicenseModel, told apart by their headers", () => {
    const byKey = Object.fromEntries(exportColumns("databases").map((column) => [column.key, column.label]));
    expect(byKey.licenceModel).toBe(tableLabel("databases", "licenceModel"));
    expect(byKey.licenseModel).toBe(tableLabel("databases", "licenseModel"));
    expect(byKey.licenseModel).toMatch(/^AWS /);
  });

  it("the CSV header row is the labels, then the file's facts", async () => {
    const meta = {
      type: "databases" as const,
      query: { filters: {}, sort: "dbInstanceIdentifier", order: "asc" as const, includeRemoved: false, stale: null },
      exportedAt: new Date(),
      snapshotAt: null,
      collectorVersion: "1",
    };
    async function* none() {}
    const first = await csvChunks(exportColumns("databases"), none(), meta as never).next();
    expect(first.value).toBe(
      `\uFEFF${[...exportColumns("databases").map((column) => column.label), ...CSV_FACT_LABELS].join(",")}\r\n`,
    );
  });
});
