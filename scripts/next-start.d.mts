// Types of next-start.mjs for its test.
export const NEXT_BIN: string;
export const LOOPBACK: string;
export function nextStartArgs(options: { port?: number; host?: string; extra?: string[] }): string[];
export function demoStartArgs(port: number): string[];
export function isLoopbackNetworkLine(line: string): boolean;
