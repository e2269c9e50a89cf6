import { z } from "zod";
import { passwordSchema } from "../auth/password-policy";
import { ROLES } from "../auth/roles";

// Shared by the forms (client-side hints) and the actions (authoritative check).
const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid e-mail address").max(254));

export const roleSchema = z.enum(ROLES, "Choose admin or viewer");

export const createUserSchema = z.object({
  email,
  name: z.string().trim().max(100, "Use at most 100 characters").optional().or(z.literal("")),
  role: roleSchema,
  password: passwordSchema,
});

export const changeRoleSchema = z.object({ userId: z.string().min(1), role: roleSchema });
export const setDisabledSchema = z.object({ userId: z.string().min(1), disabled: z.boolean() });
export const resetPasswordSchema = z.object({ userId: z.string().min(1), password: passwordSchema });

export const setupAdminSchema = z.object({
  token: z.string().trim().min(1, "Enter the setup token from the server log"),
  email,
  name: z.string().trim().max(100).optional().or(z.literal("")),
  password: passwordSchema,
});

export type CreateUserInput = z.infer<typeof createUserSchema>;
