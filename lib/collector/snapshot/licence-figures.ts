import { getEnv } from "../../env";
import { RULE_PARAMETERS } from "../../licensing";
import { buildLines, loadEstate, snapshotLicence } from "../../licensing/estate";
import { log, logUnexpected } from "../../log";

/**
 * The licence figures of the whole current inventory, as the snapshot keeps them (JSON), computed
 * by the same builder as the Licence position page, with the rule parameters and staleness
 * setting as they are now. A failure must not fail the run, and must not read as zero either: it
 * is logged and the snapshot keeps null, which the licence trend shows as a gap.
 */
export async function licenceFigures(now: Date): Promise<string | null> {
  try {
    const { lines, softwareUnknown } = buildLines(await loadEstate(), {
      now,
      staleDays: getEnv().SOFTWARE_STALE_DAYS,
      params: RULE_PARAMETERS,
    });
    return JSON.stringify(snapshotLicence(lines, softwareUnknown.length, RULE_PARAMETERS));
  } catch (error) {
    log("warn", "collector.snapshot_licence_not_computed", { reference: logUnexpected(error) });
    return null;
  }
}
