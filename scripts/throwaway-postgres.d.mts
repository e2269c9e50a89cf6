// Types of throwaway-postgres.mjs for the TypeScript scripts and tests that use it.
export type ThrowawayPostgres = { url: string; port: number; source: string; stop(): void };
export type PostgresBinaries = { binDir: string; source: string; version?: string };
export function startThrowawayPostgres(): Promise<ThrowawayPostgres>;
export function findPostgresBinaries(): Promise<PostgresBinaries | null>;
export function postgresMissingMessage(): string;
export function freePort(): Promise<number>;
