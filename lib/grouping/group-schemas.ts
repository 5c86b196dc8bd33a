import { z } from "zod";
import { CLAIM_CATEGORIES } from "@/lib/claims/claim-schemas";
import { uuidsIn } from "@/lib/core/ids";

export const GROUP_STATUSES = ["PROPOSED", "CONFIRMED"] as const;
export const LABEL_MAX = 200;

const groupState = {
  groupId: z.uuid({ error: "libGrouping.input.unknownGroup" }),
  // The group as the editor last saw it (its updatedAt): a change made on an older state is
  // refused, never applied over a colleague's.
  expectedUpdatedAt: z.iso.datetime({ offset: true, error: "libGrouping.input.reloadGroup" }),
};

export const proposeGroupsSchema = z.object({});

export const confirmGroupSchema = z.object({
  ...groupState,
  label: z
    .string()
    .trim()
    .max(LABEL_MAX, { error: "libGrouping.input.labelTooLong" })
    .optional()
    .transform((value) => value || null),
});

export const removeClaimFromGroupSchema = z.object({ ...groupState, claimId: z.uuid({ error: "libGrouping.input.unknownClaim" }) });

export const splitGroupSchema = z.object({
  ...groupState,
  claimIds: z
    .array(z.uuid({ error: "libGrouping.input.unknownClaim" }), { error: "libGrouping.input.tickDifferentFact" })
    .min(1, { error: "libGrouping.input.tickDifferentFact" }),
});

export const mergeGroupsSchema = z
  .object({ ...groupState, otherGroupId: z.uuid({ error: "libGrouping.input.chooseMergeGroup" }) })
  .refine((input) => input.otherGroupId.toLowerCase() !== input.groupId.toLowerCase(), {
    error: "libGrouping.input.mergeWithItself",
    path: ["otherGroupId"],
  });

export const dissolveGroupSchema = z.object(groupState);

/** A claim named by its review link ("…/review/0194…") or its bare id, as an editor pastes it. */
const claimReference = z
  .string({ error: "libGrouping.input.pasteClaim" })
  .trim()
  .transform((value, ctx) => {
    const ids = uuidsIn(value);
    if (ids.length !== 1) {
      ctx.addIssue({ code: "custom", message: "libGrouping.input.pasteClaimLink" });
      return z.NEVER;
    }
    return ids[0].toLowerCase();
  });

export const addClaimToGroupSchema = z.object({ ...groupState, claim: claimReference });

/** The group list's filters as they travel in the URL. */
export const groupListQuerySchema = z.object({
  status: z
    .union([z.enum(GROUP_STATUSES), z.literal("")], { error: "libGrouping.input.chooseStatus" })
    .optional()
    .transform((value) => value || undefined),
  category: z
    .union([z.enum(CLAIM_CATEGORIES), z.literal("")], { error: "libGrouping.input.chooseCategory" })
    .optional()
    .transform((value) => value || undefined),
  conflict: z
    .union([z.literal("yes"), z.literal("")], { error: "libGrouping.input.tickOrEmpty" })
    .optional()
    .transform((value) => value === "yes"),
  // The message goes on the uuid too: for a string that is no uuid, zod 4's union reports the
  // uuid branch's own error ("Invalid UUID") rather than the union's.
  after: z
    .union([z.uuid({ error: "libGrouping.input.brokenPageLink" }), z.literal("")], {
      error: "libGrouping.input.brokenPageLink",
    })
    .optional()
    .transform((value) => value?.toLowerCase() || undefined),
});

export const GROUP_LIST_FIELDS = ["status", "category", "conflict", "after"] as const;

/** The conflicts page's filters: the group list's, without the conflict box (all of them conflict). */
export const conflictListQuerySchema = groupListQuerySchema.omit({ conflict: true });
export const CONFLICT_LIST_FIELDS = ["status", "category", "after"] as const;
export type GroupListField = (typeof GROUP_LIST_FIELDS)[number];

export type ConfirmGroupInput = z.output<typeof confirmGroupSchema>;
export type RemoveClaimFromGroupInput = z.output<typeof removeClaimFromGroupSchema>;
export type SplitGroupInput = z.output<typeof splitGroupSchema>;
export type MergeGroupsInput = z.output<typeof mergeGroupsSchema>;
export type DissolveGroupInput = z.output<typeof dissolveGroupSchema>;
export type AddClaimToGroupInput = z.output<typeof addClaimToGroupSchema>;
export type AddClaimToGroupFormInput = z.input<typeof addClaimToGroupSchema>;
export type ConfirmGroupFormInput = z.input<typeof confirmGroupSchema>;
export type GroupListQuery = z.output<typeof groupListQuerySchema>;
