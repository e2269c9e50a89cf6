"use server";

import { runAction, type ActionResult } from "@/lib/actions";
import { authorizeAction } from "@/lib/auth";
import { columnPreferenceSchema, saveColumnPreference } from "@/lib/inventory/query";
import { parseInput } from "@/lib/validation";

// Saves the columns the signed-in user chose for one inventory table. Viewers and admins.
// No revalidation: the table already shows the choice (URL state); pages read it on next load.
export async function saveColumnsAction(input: unknown): Promise<ActionResult> {
  const user = await authorizeAction("viewer");
  return runAction(async () => {
    const { type, columns } = parseInput(columnPreferenceSchema, input);
    await saveColumnPreference(user.id, type, columns);
    return null;
  });
}
