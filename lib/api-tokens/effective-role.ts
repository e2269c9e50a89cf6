import type { Role } from "../auth/roles";

type Creator = { role: string; disabledAt: Date | null };

// What a token may do: never more than its creator may do now. `undefined` is a token without
// a creator (made on the server by `npm run token`): it keeps its own role. `null` is a creator
// who no longer exists; like a disabled one, the token stops working.
export function effectiveTokenRole(tokenRole: Role, creator: Creator | null | undefined): Role | null {
  if (creator === undefined) return tokenRole;
  if (creator === null || creator.disabledAt) return null;
  return tokenRole === "admin" && creator.role === "admin" ? "admin" : "viewer";
}
