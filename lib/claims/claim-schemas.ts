import { z } from "zod";
import { unitCode } from "@/lib/grouping/canonical-unit";

export const CLAIM_CATEGORIES = [
  "DETENTION_COUNT",
  "VOTE_SHARE",
  "TURNOUT",
  "SEAT_COUNT",
  "SENTENCE_LENGTH",
  "CASUALTIES",
  "MONEY",
  "DATE",
  "OTHER",
] as const;
export const QUALIFIERS = ["EXACT", "APPROXIMATELY", "AT_LEAST", "MORE_THAN", "LESS_THAN", "UP_TO", "VAGUE"] as const;
export const SOURCE_KINDS = ["OFFICIAL_STATEMENT", "COURT_DOCUMENT", "NGO_REPORT", "MEDIA_REPORT", "WITNESS", "OTHER"] as const;
export const STANCES = ["SUPPORTS", "CONTRADICTS", "CONTEXT"] as const;

// Newsroom copy writes "63,3" and "1 200"; a decimal comma and spaces between digit groups
// (including the narrow no-break space) are read, anything else is refused.
const DECIMAL = /^-?\d+(\.\d+)?$/;
function normaliseDecimal(raw: string): string {
  return raw.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");
}

const optionalDecimal = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? normaliseDecimal(value) : null))
  .refine((value) => value === null || (DECIMAL.test(value) && value.replace(/[-.]/g, "").length <= 24), {
    error: "Enter a number, e.g. 4000 or 63,3.",
  });

const optionalText = (max: number, message: string) =>
  z
    .string()
    .trim()
    .max(max, { error: message })
    .optional()
    .transform((value) => value || null);

const httpUrl = (message: string) =>
  z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          const url = new URL(value);
          return url.protocol === "http:" || url.protocol === "https:";
        } catch {
          return false;
        }
      },
      { error: message },
    );

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), {
    error: "Enter a date as YYYY-MM-DD.",
  });

export const newSourceSchema = z.object({
  url: httpUrl("Enter a web address starting with http:// or https://."),
  title: optionalText(300, "Keep the title under 300 characters."),
  publisher: optionalText(200, "Keep the publisher under 200 characters."),
  kind: z.enum(SOURCE_KINDS, { error: "Choose what kind of source this is." }),
  archivedUrl: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.union([z.null(), httpUrl("Enter an archive address starting with http:// or https://.")])),
});

export const claimSourceSchema = z
  .object({
    sourceId: z.string().trim().optional().transform((value) => value || null),
    newSource: newSourceSchema.optional(),
    stance: z.enum(STANCES, { error: "Choose whether the source supports, contradicts or gives context." }),
    passage: optionalText(2000, "Keep the passage under 2,000 characters."),
    note: optionalText(2000, "Keep the note under 2,000 characters."),
  })
  .refine((s) => Boolean(s.sourceId) !== Boolean(s.newSource), { error: "Pick an existing source or add a new one.", path: ["sourceId"] });

const claimFieldsObject = z.object({
  category: z.enum(CLAIM_CATEGORIES, { error: "Choose a category." }),
  value: optionalDecimal,
  min: optionalDecimal,
  max: optionalDecimal,
  // Stored as the code of a unit Derek knows ("адам", "человек" → "person"), else as typed.
  unit: optionalText(60, "Keep the unit under 60 characters.").transform(unitCode),
  qualifier: z.enum(QUALIFIERS, { error: "Choose a qualifier." }),
  claimant: optionalText(300, "Keep the claimant under 300 characters."),
  eventDate: optionalDate,
  note: optionalText(4000, "Keep the note under 4,000 characters."),
  sources: z.array(claimSourceSchema).max(20, { error: "At most 20 sources per claim." }).default([]),
});

function checkFigures(claim: z.output<typeof claimFieldsObject>, ctx: z.RefinementCtx) {
  if (claim.min !== null && claim.max !== null && Number(claim.min) > Number(claim.max))
    ctx.addIssue({ code: "custom", path: ["max"], message: "The maximum must not be less than the minimum." });
  // A vague quantity ("мыңдаған") and a date may stand without a figure; any other claim is a figure.
  if (claim.category !== "DATE" && claim.qualifier !== "VAGUE" && claim.value === null && claim.min === null && claim.max === null)
    ctx.addIssue({ code: "custom", path: ["value"], message: "Enter the figure, or a minimum or maximum." });
}

/** What describes a claim; shared by the tagging form and the server, which validates again. */
export const claimFieldsSchema = claimFieldsObject.superRefine(checkFigures);

export const createClaimSchema = claimFieldsObject
  .extend({
    articleId: z.uuid({ error: "Unknown article." }),
    // The revision whose text the offsets point into.
    revision: z.number().int().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .superRefine(checkFigures);

export const updateClaimSchema = claimFieldsObject
  .extend({ claimId: z.uuid({ error: "Unknown claim." }), expectedVersion: z.number().int().min(1) })
  .superRefine(checkFigures);

export const claimRefSchema = z.object({ claimId: z.uuid({ error: "Unknown claim." }), expectedVersion: z.number().int().min(1) });

export type ClaimFieldsInput = z.input<typeof claimFieldsSchema>;
export type ClaimFields = z.output<typeof claimFieldsSchema>;
export type CreateClaimInput = z.output<typeof createClaimSchema>;
export type UpdateClaimInput = z.output<typeof updateClaimSchema>;
export type ClaimRef = z.output<typeof claimRefSchema>;
