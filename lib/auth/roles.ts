export const ROLES = ["admin", "viewer"] as const;
export type Role = (typeof ROLES)[number];

// Admins manage everything; viewers view and export (SECURITY.md 6).
export function canAdminister(role: Role): boolean {
  return role === "admin";
}

export function hasRole(role: Role, required: Role): boolean {
  return required === "viewer" || role === "admin";
}
