import { logUnexpected } from "../log";
import { collectConnection, type CollectRequest } from "./collect";

// Starts a collection inside this process without waiting for it, and answers with the run's
// id as soon as the run exists (so a page can follow its progress). Errors before that point
// (e.g. a rejected MFA code) are returned to the caller; later ones end up in the run.
export function startRunInBackground(request: CollectRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    let opened = false;
    collectConnection(request, {
      onRunOpened: (runId) => {
        opened = true;
        resolve(runId);
      },
    }).catch((error) => {
      if (!opened) return reject(error);
      logUnexpected(error);
    });
  });
}
