// Mutations of a managed node's installed software, so tests can see an upgrade become a change
// event and an uninstall a removal: set an application's version (adding it when absent), or
// remove it.
import type { RegionStore } from "../world/region-store";
import { MutationError } from "./mutate-error";

export type SoftwareMutateOp =
  | {
      op: "setApplication";
      account: string;
      region: string;
      id: string;
      name: string;
      version: string;
      publisher?: string;
    }
  | { op: "removeApplication"; account: string; region: string; id: string; name: string };

export const SOFTWARE_OPS = ["setApplication", "removeApplication"];

export function mutateSoftware(store: RegionStore, m: SoftwareMutateOp): Record<string, unknown> {
  const instance = store.instances.find((i) => i.InstanceId === m.id);
  if (!instance?.Ssm) throw new MutationError(`managed node ${m.id} not found in ${m.account}/${m.region}`, 404);
  const apps = instance.Ssm.Applications;
  const index = apps.findIndex((a) => a.Name === m.name);
  if (m.op === "removeApplication") {
    if (index < 0) throw new MutationError(`application ${m.name} not found on ${m.id}`, 404);
    apps.splice(index, 1);
    return { ok: true, removed: m.name };
  }
  if (index >= 0)
    apps[index] = { ...apps[index], Version: m.version, ...(m.publisher ? { Publisher: m.publisher } : {}) };
  else
    apps.push({
      Name: m.name,
      Publisher: m.publisher ?? "",
      Version: m.version,
      InstalledTime: new Date().toISOString().replace(/\.\d{3}Z$/, "Z"),
      ApplicationType: "",
      Architecture: instance.Architecture === "arm64" ? "aarch64" : "x86_64",
    });
  return { ok: true, instanceId: m.id, name: m.name, version: m.version };
}
