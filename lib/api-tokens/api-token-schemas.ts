import { z } from "zod";

// One schema per operation, shared by the admin form (zodResolver) and the server action.
export const issueApiTokenSchema = z.object({
  userId: z.uuid({ error: "Choose whose token this is." }),
  name: z
    .string()
    .trim()
    .min(1, { error: "Name the token after what will use it, e.g. “weekly CSV to the desk”." })
    .max(80, { error: "Keep the name under 80 characters." }),
});
export type IssueApiTokenInput = z.infer<typeof issueApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: z.uuid({ error: "Unknown token." }),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
