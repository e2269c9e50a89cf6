// The inventory bench's estate: 2 connections x 10 accounts x 5 regions = 100 scopes, the
// simulator's realistic instance mix (Linux, Windows, SQL Server, RHEL, BYOL, spot, dedicated
// hosts...), every other account with an alias, and a few scopes with removed instances.

export const CONNECTIONS = ["Bench org A", "Bench org B"];
export const ACCOUNTS_PER_CONNECTION = 10;
export const REGIONS = ["us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-southeast-2"];
const ENVS = ["prod", "dev", "test", "stage"];

export type BenchScope = {
  connection: number;
  accountId: string;
  alias: string | null;
  env: string;
  region: string;
  instances: number;
  removed: number;
};

export function accountOf(connection: number, index: number): { accountId: string; alias: string | null; env: string } {
  const n = connection * ACCOUNTS_PER_CONNECTION + index;
  const env = ENVS[n % ENVS.length];
  return {
    accountId: String(310000000000 + n * 1011),
    alias: n % 2 === 0 ? `acme-${env}-${String(n).padStart(2, "0")}` : null,
    env,
  };
}

// `rows` current instances spread evenly over the scopes; every tenth scope also has 30 % more
// instances that a later run no longer sees (removed rows stay, as in production).
export function benchScopes(rows: number): BenchScope[] {
  const scopes: BenchScope[] = [];
  for (let c = 0; c < CONNECTIONS.length; c++) {
    for (let a = 0; a < ACCOUNTS_PER_CONNECTION; a++)
      for (const region of REGIONS)
        scopes.push({ connection: c, ...accountOf(c, a), region, instances: 0, removed: 0 });
  }
  scopes.forEach((scope, i) => {
    scope.instances = Math.floor(rows / scopes.length) + (i < rows % scopes.length ? 1 : 0);
    scope.removed = i % 10 === 0 ? Math.ceil(scope.instances * 0.3) : 0;
  });
  return scopes;
}
