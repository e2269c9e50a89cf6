"use client";

import { z } from "zod";

// zod compiles object parsers with `new Function` when it may, and probes for that with a
// `new Function("")` it catches. Under the page's CSP (no 'unsafe-eval') the probe itself is
// reported as a violation, so browsers parse without compiling. The server keeps compiling.
if (typeof window !== "undefined") z.config({ jitless: true });

export function ZodWithoutEval() {
  return null;
}
