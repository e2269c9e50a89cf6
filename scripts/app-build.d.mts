// Types of app-build.mjs for the TypeScript scripts that use it.
export const APP_SOURCES: string[];
export function newestMtime(entries: string[]): number;
export function buildState(distDir: string): "missing" | "stale" | "current";
