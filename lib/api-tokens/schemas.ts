import { z } from "zod";
import { ROLES } from "../auth/roles";

// Shared by the create form, the server action and the CLI.
export const createApiTokenSchema = z.object({
  name: z.string().trim().min(1, "Enter a name").max(100, "Use at most 100 characters"),
  role: z.enum(ROLES, "Choose admin or viewer"),
});

export const revokeApiTokenSchema = z.object({ id: z.string().trim().min(1) });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
