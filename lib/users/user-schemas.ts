import { z } from "zod";

export const ROLES = ["EDITOR", "REVIEWER", "ADMIN"] as const;

// bcrypt reads only a password's first 72 bytes: anything after them would be silently ignored.
// UTF-8 spends two bytes on a Kazakh or Russian letter, so that is 36 of those. Refused where a
// password is set, never where one is checked: hashes of longer ones set before still verify.
export const PASSWORD_MAX_BYTES = 72;

/** The password's length as bcrypt counts it (UTF-8 bytes); TextEncoder works in the browser too. */
export function passwordBytes(password: string): number {
  return new TextEncoder().encode(password).length;
}

// One password rule for every password that is set (by an admin or by its user).
const password = z
  .string()
  .min(12, { error: "libUsers.passwordTooShort" })
  .refine((value) => passwordBytes(value) <= PASSWORD_MAX_BYTES, { error: "libUsers.passwordTooManyBytes" });

// One schema per operation, shared by the form (zodResolver) and the server action.
export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email({ error: "libUsers.invalidEmail" })),
  name: z.string().trim().min(1, { error: "libUsers.nameRequired" }).max(120, { error: "libUsers.nameTooLong" }),
  role: z.enum(ROLES, { error: "libUsers.chooseRole" }),
  password,
});
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const setUserPasswordSchema = z.object({
  userId: z.uuid({ error: "libUsers.unknownUser" }),
  password,
});
export type SetUserPasswordInput = z.infer<typeof setUserPasswordSchema>;

// A user's own new password, proven by the current one. Only the new one follows the rule: the
// current one is whatever was set, and is checked against its hash.
export const changeOwnPasswordSchema = z.object({
  currentPassword: z.string().min(1, { error: "libUsers.currentPasswordRequired" }).max(200, { error: "libUsers.passwordTooLong" }),
  newPassword: password,
});
export type ChangeOwnPasswordInput = z.infer<typeof changeOwnPasswordSchema>;

// The form's: the new password typed twice. The repeat never leaves the browser.
export const changeOwnPasswordFormSchema = changeOwnPasswordSchema
  .extend({ repeatPassword: z.string() })
  .refine((values) => values.repeatPassword === values.newPassword, { error: "libUsers.passwordsDiffer", path: ["repeatPassword"] });

export const updateUserSchema = z.object({
  userId: z.uuid({ error: "libUsers.unknownUser" }),
  role: z.enum(ROLES, { error: "libUsers.chooseRole" }).optional(),
  active: z.boolean().optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserSchema>;

export const signInSchema = z.object({
  email: z.string().trim().min(1, { error: "libUsers.emailRequired" }),
  password: z.string().min(1, { error: "libUsers.passwordRequired" }),
});
