// Warnings every user of a supported setup would see, silenced where our processes start (the
// server, the demo, the command-line scripts), each for one known cause only:
// - The AWS SDK prints NodeVersionSupportWarning on Node < 22, while Cirrus supports Node
//   >= 20.19 (package.json engines) and the pinned SDK runs there. The variable is the SDK's
//   own switch; a value the user set wins (an empty one counts as unset, as in lib/env.ts).
// - DEP0005 ("Buffer() is deprecated"): exceljs's zip libraries (archiver-utils, and unzipper's
//   binary/chainsaw) still call `new Buffer()`. Node warns only for callers outside
//   node_modules, and Next bundles them into .next/server, so the first XLSX export printed it.
//   --disable-warning=DEP0005 silences that code alone; every other deprecation still prints.
export const QUIET_ENV = { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true" };
export const QUIET_NODE_FLAGS = ["--disable-warning=DEP0005"];

export function withQuietEnv(env) {
  const quiet = { ...env };
  for (const [name, value] of Object.entries(QUIET_ENV)) if (!quiet[name]) quiet[name] = value;
  return quiet;
}
