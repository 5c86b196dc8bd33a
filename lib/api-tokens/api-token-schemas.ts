import { z } from "zod";

// One schema per operation, shared by the admin form (zodResolver) and the server action.
export const issueApiTokenSchema = z.object({
  userId: z.uuid({ error: "libTokens.userRequired" }),
  name: z
    .string()
    .trim()
    .min(1, { error: "libTokens.nameRequired" })
    .max(80, { error: "libTokens.nameTooLong" }),
});
export type IssueApiTokenInput = z.infer<typeof issueApiTokenSchema>;

export const revokeApiTokenSchema = z.object({
  tokenId: z.uuid({ error: "libTokens.unknownToken" }),
});
export type RevokeApiTokenInput = z.infer<typeof revokeApiTokenSchema>;
