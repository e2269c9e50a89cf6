import { randomBytes } from "node:crypto";

// Ids for rows the collector writes in bulk. They grow with time (ms, then a counter, then
// process-random bits), so new rows land at the end of the primary-key index instead of on
// random pages, which keeps bulk inserts sequential; the random part keeps two processes apart.
const processBits = randomBytes(6).toString("hex");
let counter = 0;

export function newRowId(): string {
  counter = (counter + 1) % 1_679_616; // 36^4
  return `${Date.now().toString(36).padStart(9, "0")}${counter.toString(36).padStart(4, "0")}${processBits}`;
}
