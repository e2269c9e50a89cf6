import type { AccountSelection } from "./settings";

/** An account Cirrus reads, and how: through `roleArn`, or (none) with the caller's own credentials. */
export type AccountTarget = {
  accountId: string;
  roleArn?: string;
  name?: string;
  source: AccountSelection["mode"];
};
