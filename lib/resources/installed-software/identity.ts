// Which stored row an application is. The identity is the instance, the application's name,
// publisher and architecture, and not its version: an upgrade (bash 5.1.8 -> 5.2.15) is then
// one row whose tracked version changes, a change event with before and after, instead of a
// removal plus a new row that history could not tie together. The architecture stays in it
// because multilib systems install the same package for two (openssl-libs x86_64 and i686).
//
// A few packages install side by side in several versions (kernel RPMs): the newest keeps the
// plain identity, so a new kernel still reads as the upgrade of the old one, and each older
// copy gets its version appended to stay a row of its own.
const SEPARATOR = "|";

export type AppKey = { instanceId: string; name: string; publisher: string | null; architecture: string | null };

export function softwareIdOf(app: AppKey): string {
  return [app.instanceId, app.name, app.publisher ?? "", app.architecture ?? ""].join(SEPARATOR);
}

const newestFirst = (a: string | null, b: string | null) =>
  (b ?? "").localeCompare(a ?? "", "en", { numeric: true, sensitivity: "base" });

/** softwareIdOf for each, made unique within one instance's list (input order kept). */
export function uniqueSoftwareIds<A extends AppKey & { version: string | null }>(apps: readonly A[]): string[] {
  const groups = new Map<string, number[]>();
  apps.forEach((app, index) => {
    const id = softwareIdOf(app);
    groups.set(id, [...(groups.get(id) ?? []), index]);
  });
  const ids = apps.map(softwareIdOf);
  for (const [id, indexes] of groups) {
    if (indexes.length < 2) continue;
    const ordered = [...indexes].sort((x, y) => newestFirst(apps[x].version, apps[y].version));
    // An exact duplicate (same version too) gets the same id: the store keeps the first.
    for (const index of ordered.slice(1)) ids[index] = `${id}${SEPARATOR}${apps[index].version ?? ""}`;
  }
  return ids;
}
