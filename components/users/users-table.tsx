import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import type { UserRow } from "@/lib/users";
import { UserRowActions } from "./user-row-actions";

export function UsersTable({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  return (
    <Table aria-label="Users">
      <thead>
        <tr>
          <Th>User</Th>
          <Th>Role</Th>
          <Th>Status</Th>
          <Th>Last sign-in</Th>
          <Th className="text-right">Actions</Th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {users.map((user) => (
          <tr key={user.id} data-testid={`user-row-${user.email}`}>
            <Td>
              <div className="font-medium">{user.email}</div>
              {user.name && <div className="text-xs text-slate-500">{user.name}</div>}
            </Td>
            <Td>{user.role}</Td>
            <Td>{user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</Td>
            <Td className="text-slate-600">
              {user.lastSignInAt
                ? new Date(user.lastSignInAt).toISOString().slice(0, 16).replace("T", " ") + " UTC"
                : "Never"}
            </Td>
            <Td className="text-right">
              <UserRowActions user={user} isSelf={user.id === currentUserId} />
            </Td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
