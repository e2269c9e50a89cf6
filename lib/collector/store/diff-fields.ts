export type FieldChange = { field: string; from: unknown; to: unknown };

// Licence-relevant differences between the stored row and the new one (deep, order-sensitive
// compare through JSON: arrays such as licence configuration ARNs are compared as listed).
export function diffFields(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  fields: readonly string[],
): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes.push({ field, from, to });
  }
  return changes;
}
