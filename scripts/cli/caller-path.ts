import path from "node:path";

// npm runs package scripts from the package root, so a relative path typed after
// `npm run connections -- import` would resolve there; INIT_CWD is where npm was invoked.
// Run directly (node scripts/run-ts.mjs …), the process's own directory is the caller's.
export function fromCallerDirectory(file: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.INIT_CWD || process.cwd(), file);
}
