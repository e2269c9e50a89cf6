import type { RegistryFact } from "@/lib/licensing";
import { iso, str } from "../collect/values";
import { uniqueSoftwareIds } from "./identity";
import { recognizeApplication } from "./recognition";
import type { InstalledSoftwareRow } from "./row";

/** One node's AWS:Application rows as stored rows, recognised against its registry facts. */
export function mapApplications(
  instanceId: string,
  applications: readonly Record<string, string>[],
  registry: readonly RegistryFact[],
): InstalledSoftwareRow[] {
  const apps = applications
    .filter((app) => str(app.Name))
    .map((app) => ({
      instanceId,
      name: app.Name,
      publisher: str(app.Publisher),
      version: str(app.Version),
      architecture: str(app.Architecture),
      source: app,
    }));
  const ids = uniqueSoftwareIds(apps);
  return apps.map((app, index) => {
    const match = recognizeApplication(app, registry);
    return {
      softwareId: ids[index],
      instanceId,
      name: app.name,
      publisher: app.publisher,
      version: app.version,
      architecture: app.architecture,
      applicationType: str(app.source.ApplicationType),
      installedTime: iso(app.source.InstalledTime),
      product: match?.product ?? null,
      productName: match?.productName ?? null,
      edition: match?.edition ?? null,
      licenceFree: match ? match.free : null,
      evidence: match?.evidence ?? [],
      raw: app.source,
    };
  });
}
