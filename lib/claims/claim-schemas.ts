import { z } from "zod";
import type { MessageCode } from "@/lib/core/message-codes";
import { unitCode } from "@/lib/i18n/canonical-unit";

export const CLAIM_CATEGORIES = [
  "DETENTION_COUNT",
  "VOTE_SHARE",
  "TURNOUT",
  "SEAT_COUNT",
  "SENTENCE_LENGTH",
  "CASUALTIES",
  "MONEY",
  "CROWD_SIZE",
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
    error: "libClaims.figure.number",
  });

/** The longest statement an editor may give, the length of the sentence the export falls back to. */
export const CLAIM_STATEMENT_MAX = 280;

const optionalText = (max: number, code: MessageCode) =>
  z
    .string()
    .trim()
    .max(max, { error: code })
    .optional()
    .transform((value) => value || null);

const httpUrl = (code: MessageCode) =>
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
      { error: code },
    );

const optionalDate = z
  .string()
  .trim()
  .optional()
  .transform((value) => value || null)
  .refine((value) => value === null || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`))), {
    error: "libClaims.fields.date",
  });

export const newSourceSchema = z.object({
  url: httpUrl("libClaims.source.url"),
  title: optionalText(300, "libClaims.source.titleTooLong"),
  publisher: optionalText(200, "libClaims.source.publisherTooLong"),
  kind: z.enum(SOURCE_KINDS, { error: "libClaims.source.kind" }),
  archivedUrl: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.union([z.null(), httpUrl("libClaims.source.archivedUrl")])),
});

export const claimSourceSchema = z
  .object({
    sourceId: z.string().trim().optional().transform((value) => value || null),
    newSource: newSourceSchema.optional(),
    stance: z.enum(STANCES, { error: "libClaims.source.stance" }),
    passage: optionalText(2000, "libClaims.source.passageTooLong"),
    note: optionalText(2000, "libClaims.source.noteTooLong"),
  })
  .refine((s) => Boolean(s.sourceId) !== Boolean(s.newSource), { error: "libClaims.source.pickOrAdd", path: ["sourceId"] });

const claimFieldsObject = z.object({
  category: z.enum(CLAIM_CATEGORIES, { error: "libClaims.fields.category" }),
  value: optionalDecimal,
  min: optionalDecimal,
  max: optionalDecimal,
  // Stored as the code of a unit Derek knows ("адам", "человек" → "person"), else as typed.
  unit: optionalText(60, "libClaims.figure.unitTooLong").transform(unitCode),
  qualifier: z.enum(QUALIFIERS, { error: "libClaims.fields.qualifier" }),
  claimant: optionalText(300, "libClaims.fields.claimantTooLong"),
  // A fact-check site shows it as the claim checked: a sentence, not an essay.
  statement: optionalText(CLAIM_STATEMENT_MAX, "libClaims.fields.statementTooLong"),
  eventDate: optionalDate,
  note: optionalText(4000, "libClaims.fields.noteTooLong"),
  sources: z.array(claimSourceSchema).max(20, { error: "libClaims.source.tooMany" }).default([]),
});

function checkFigures(claim: z.output<typeof claimFieldsObject>, ctx: z.RefinementCtx) {
  if (claim.min !== null && claim.max !== null && Number(claim.min) > Number(claim.max))
    ctx.addIssue({ code: "custom", path: ["max"], message: "libClaims.figure.maxBelowMin" });
  // A vague quantity ("мыңдаған") and a date may stand without a figure; any other claim is a figure.
  if (claim.category !== "DATE" && claim.qualifier !== "VAGUE" && claim.value === null && claim.min === null && claim.max === null)
    ctx.addIssue({ code: "custom", path: ["value"], message: "libClaims.figure.required" });
}

/** What describes a claim; shared by the tagging form and the server, which validates again. */
export const claimFieldsSchema = claimFieldsObject.superRefine(checkFigures);

export const createClaimSchema = claimFieldsObject
  .extend({
    articleId: z.uuid({ error: "libClaims.ref.unknownArticle" }),
    // The revision whose text the offsets point into.
    revision: z.number().int().min(1),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .superRefine(checkFigures);

export const updateClaimSchema = claimFieldsObject
  .extend({ claimId: z.uuid({ error: "libClaims.ref.unknownClaim" }), expectedVersion: z.number().int().min(1) })
  .superRefine(checkFigures);

export const claimRefSchema = z.object({ claimId: z.uuid({ error: "libClaims.ref.unknownClaim" }), expectedVersion: z.number().int().min(1) });

export type ClaimFieldsInput = z.input<typeof claimFieldsSchema>;
export type ClaimFields = z.output<typeof claimFieldsSchema>;
export type CreateClaimInput = z.output<typeof createClaimSchema>;
export type UpdateClaimInput = z.output<typeof updateClaimSchema>;
export type ClaimRef = z.output<typeof claimRefSchema>;
