// Each check's element id, so the problem list can link to its row or grid cell. The prefix
// (from useId) keeps two checklists on one page (a fresh test and the last report) apart.
export function checkAnchor(prefix: string, checkId: string): string {
  return `check-${prefix.replace(/[^\w-]/g, "")}-${checkId.replace(/[^\w-]/g, "-")}`;
}

export type AnchorOf = (checkId: string) => string;
