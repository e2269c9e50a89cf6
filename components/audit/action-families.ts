// Actions grouped by what comes before the first dot ("auth.sign_in" -> "auth."), so the Action
// filter offers a whole family ("All auth actions") as well as each action.
export type ActionFamily = { prefix: string; label: string; actions: string[] };

export function actionFamilies(actions: string[]): ActionFamily[] {
  const families = new Map<string, string[]>();
  for (const action of actions) {
    const dot = action.indexOf(".");
    const prefix = dot > 0 ? action.slice(0, dot + 1) : action;
    families.set(prefix, [...(families.get(prefix) ?? []), action]);
  }
  return [...families.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([prefix, members]) => ({
      prefix,
      label: prefix.replace(/\.$/, "").replace(/^./, (c) => c.toUpperCase()),
      actions: members.sort(),
    }));
}
