import { getEnv } from "../../env";
import { RULE_PARAMETERS } from "../../licensing";
import {
  buildLines,
  loadEstateInParts,
  mergeSnapshotLicence,
  snapshotLicence,
  type SnapshotLicence,
} from "../../licensing/estate";
import { log, logUnexpected } from "../../log";

/**
 * The licence figures of the whole current inventory, as the snapshot keeps them (JSON), computed
 * by the same builder as the Licence position page, with the rule parameters and staleness
 * setting as they are now. A failure must not fail the run, and must not read as zero either: it
 * is logged and the snapshot keeps null, which the licence trend shows as a gap.
 */
export async function licenceFigures(now: Date): Promise<string | null> {
  try {
    const staleDays = getEnv().SOFTWARE_STALE_DAYS;
    let figures: SnapshotLicence | null = null;
    // A part at a time: at 160k instances the whole estate's rows and lines at once were
    // +360 MB of collector RSS (bench:collect).
    for await (const part of loadEstateInParts()) {
      const { lines, softwareUnknown } = buildLines(part, { now, staleDays, params: RULE_PARAMETERS });
      const partFigures = snapshotLicence(lines, softwareUnknown.length, RULE_PARAMETERS);
      figures = figures ? mergeSnapshotLicence(figures, partFigures) : partFigures;
    }
    return JSON.stringify(figures ?? snapshotLicence([], 0, RULE_PARAMETERS));
  } catch (error) {
    log("warn", "collector.snapshot_licence_not_computed", { reference: logUnexpected(error) });
    return null;
  }
}
