import "server-only";

export { listUsers, countUsers, type UserRow } from "./list-users";
export { createUser } from "./create-user";
export { updateUser } from "./update-user";
export * from "./schemas";
