const MAX_ACCOUNTS_NAMED = 5;

// One note per region that some accounts have not enabled (a region is usually off across the
// organization, so one note per account repeats the same region): "Region me-south-1 is not
// enabled in 5 accounts (111111111111, ...): skipped." Regions in name order.
export function notEnabledNotes(accounts: { accountId: string; notEnabled: string[] }[]): string[] {
  const byRegion = new Map<string, string[]>();
  for (const account of accounts) {
    for (const region of account.notEnabled) byRegion.set(region, [...(byRegion.get(region) ?? []), account.accountId]);
  }
  return [...byRegion.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([region, ids]) => {
      const sorted = [...new Set(ids)].sort();
      const named = sorted.slice(0, MAX_ACCOUNTS_NAMED).join(", ");
      const more = sorted.length > MAX_ACCOUNTS_NAMED ? ` and ${sorted.length - MAX_ACCOUNTS_NAMED} more` : "";
      const where = sorted.length === 1 ? `account ${named}` : `${sorted.length} accounts (${named}${more})`;
      return `Region ${region} is not enabled in ${where}: skipped.`;
    });
}
