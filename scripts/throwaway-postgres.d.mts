// Types of throwaway-postgres.mjs for the TypeScript scripts that use it (benches).
export type ThrowawayPostgres = { url: string; port: number; stop(): void };
export function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
export function freePort(): Promise<number>;
