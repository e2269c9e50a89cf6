import type { InventoryInput } from "../summary-input";

export type InstalledSoftwareSummary = { installedSoftware: { applications: number | null } };

// Software rows are many (one per application per instance): the summary takes their count
// when the caller counted them, and says null (not counted), never 0, otherwise.
export function summarizeInstalledSoftware(input: InventoryInput): InstalledSoftwareSummary {
  return { installedSoftware: { applications: input.installedSoftwareCount ?? null } };
}
