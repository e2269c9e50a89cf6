import "server-only";
import { getDb } from "../db";
import type { Role } from "../auth/roles";

export type UserRow = {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  disabled: boolean;
  lastSignInAt: string | null;
  createdAt: string;
};

export async function listUsers(): Promise<UserRow[]> {
  const users = await getDb().user.findMany({
    orderBy: { email: "asc" },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, lastSignInAt: true, createdAt: true },
  });
  return users.map((user) => ({
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role as Role,
    disabled: user.disabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  }));
}

export async function countUsers(): Promise<number> {
  return getDb().user.count();
}
