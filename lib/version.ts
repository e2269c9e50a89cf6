import packageJson from "../package.json";

// Recorded on every run and in exports, so a number can be traced to the code that made it.
export const COLLECTOR_VERSION = packageJson.version;
