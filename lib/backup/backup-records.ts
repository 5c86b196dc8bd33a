import { z } from "zod";
import { CLAIM_CATEGORIES, QUALIFIERS, SOURCE_KINDS, STANCES } from "@/lib/claims/claim-schemas";
import { unitCode } from "@/lib/i18n/canonical-unit";
import { CLAIM_STATUSES, RATINGS } from "@/lib/ledger/ledger-filter";

/**
 * The records of Derek's JSON Lines export, version 1 (docs/EXPORT-FORMATS.md, "JSON Lines
 * (backup)"). One zod schema per record type: the writer's output type and the restore's
 * validation are the same definition, so the two cannot drift apart.
 *
 * Objects are strict: a field this version does not know means the file was written by another
 * version (or edited by hand), and guessing what it meant could restore the wrong thing.
 */
export const FORMAT_VERSION = 1;
export const HEADER_TYPE = "derek-export";

const ROLES = ["EDITOR", "REVIEWER", "ADMIN"] as const;
const ANCHOR_STATUSES = ["ANCHORED", "ORPHANED"] as const;
const DECISIONS = ["APPROVED", "RETURNED", "DISPUTED", "REOPENED"] as const;
const GROUP_STATUSES = ["PROPOSED", "CONFIRMED"] as const;

// PostgreSQL stores neither a NUL character nor half of a surrogate pair in text; refused here
// so that such a line is named, instead of failing (or being silently altered) in the database.
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const storable = (value: string) => !UNSTORABLE.test(value);
const text = z.string().refine(storable, { error: "libBackup.records.unstorableCharacter" });
const nullableText = text.nullable();

// Lower-case, as Derek stores ids; PostgreSQL compares uuids byte by byte, which is the order of
// their lower-case text (the exclusion pair relies on it).
const id = z.uuid({ error: "libBackup.records.id" }).transform((value) => value.toLowerCase());
const int32 = z.number().int().min(-2_147_483_648).max(2_147_483_647);
const count = z.number().int().min(0);

const timestamp = z.iso.datetime({ offset: true, error: "libBackup.records.timestamp" });
const date = z.iso.date({ error: "libBackup.records.date" });
// Decimal(24, 6): up to 18 digits before the point and 6 after, as text so no digit is lost.
const decimal = z.string().regex(/^-?\d{1,18}(\.\d{1,6})?$/, { error: "libBackup.records.decimal" });
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: "libBackup.records.sha256" });

// Any JSON value whose strings the database can store (an article's ProseMirror document). Keys
// are checked on the object, not as the record's keys: a bad key fails a record outright, so the
// union finds every branch failed and reports only zod's "Invalid input".
const json: z.ZodType<unknown> = z.lazy(() =>
  z.union([
    z.null(),
    z.boolean(),
    z.number(),
    text,
    z.array(json),
    z.record(z.string(), json).refine((object) => Object.keys(object).every(storable), {
      error: "libBackup.records.unstorableCharacter",
    }),
  ]),
);

export const headerSchema = z.strictObject({
  type: z.literal(HEADER_TYPE),
  version: z.literal(FORMAT_VERSION),
  exportedAt: timestamp,
  // The ledger filter as URL parameters (what a link and the audit record carry).
  filter: z.record(z.string(), z.string()),
  // A full backup: every record stored, deleted claims and what no claim uses included. False for
  // an export from the ledger, even an unfiltered one (earlier files said true for that).
  complete: z.boolean(),
});

export const userRecordSchema = z.strictObject({
  type: z.literal("user"),
  id,
  email: z.email({ error: "libBackup.records.email" }).transform((value) => value.toLowerCase()),
  name: text.min(1),
  role: z.enum(ROLES),
});

const dismissalSchema = z.strictObject({
  start: int32.min(0),
  end: int32.min(0),
  text,
  dismissedAt: timestamp,
  dismissedById: id.nullable(),
});

export const articleRecordSchema = z.strictObject({
  type: z.literal("article"),
  id,
  title: text.min(1),
  outlet: nullableText,
  sourceUrl: nullableText,
  publishedAt: date.nullable(),
  language: text.min(1),
  bodyJson: json.refine((value) => typeof value === "object" && value !== null && !Array.isArray(value), { error: "libBackup.records.document" }),
  bodyText: text,
  contentHash: sha256,
  revision: int32.min(1),
  createdById: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  // Suggestions of the current revision that an editor dismissed; the suggestions themselves are
  // computed again from the text on restore.
  dismissedSuggestions: z.array(dismissalSchema),
});

export const revisionRecordSchema = z.strictObject({
  type: z.literal("revision"),
  id,
  articleId: id,
  revision: int32.min(1),
  bodyJson: json,
  bodyText: text,
  contentHash: sha256,
  createdById: id.nullable(),
  createdAt: timestamp,
});

export const sourceRecordSchema = z.strictObject({
  type: z.literal("source"),
  id,
  url: text,
  title: nullableText,
  publisher: nullableText,
  kind: z.enum(SOURCE_KINDS),
  accessedAt: date.nullable(),
  archivedUrl: nullableText,
  createdById: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

export const groupRecordSchema = z.strictObject({
  type: z.literal("group"),
  id,
  label: nullableText,
  status: z.enum(GROUP_STATUSES),
  createdById: id.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

const claimSourceSchema = z.strictObject({
  sourceId: id,
  stance: z.enum(STANCES),
  note: nullableText,
  passage: nullableText,
  createdAt: timestamp,
});

export const claimRecordSchema = z
  .strictObject({
    type: z.literal("claim"),
    id,
    articleId: id,
    start: int32.min(0),
    end: int32.min(0),
    quote: text,
    prefix: text,
    suffix: text,
    anchorStatus: z.enum(ANCHOR_STATUSES),
    category: z.enum(CLAIM_CATEGORIES),
    value: decimal.nullable(),
    min: decimal.nullable(),
    max: decimal.nullable(),
    // A backup from before units were codes has the words editors typed ("адам"): stored as codes.
    unit: nullableText.transform(unitCode),
    qualifier: z.enum(QUALIFIERS),
    claimant: nullableText,
    // Absent from files written before claims had a statement of their own.
    statement: nullableText.default(null),
    eventDate: date.nullable(),
    note: nullableText,
    status: z.enum(CLAIM_STATUSES),
    rating: z.enum(RATINGS).nullable(),
    // The optimistic lock: kept as exported, so a form opened before the backup still conflicts.
    version: int32.min(1),
    authorId: id,
    assigneeId: id.nullable(),
    groupId: id.nullable(),
    queuedAt: timestamp.nullable(),
    createdAt: timestamp,
    updatedAt: timestamp,
    deletedAt: timestamp.nullable(),
    sources: z.array(claimSourceSchema),
  })
  .superRefine((claim, ctx) => {
    if (claim.end < claim.start) ctx.addIssue({ code: "custom", path: ["end"], message: "libBackup.records.claimEndsBeforeStart" });
    const seen = new Set<string>();
    claim.sources.forEach((link, index) => {
      if (seen.has(link.sourceId)) ctx.addIssue({ code: "custom", path: ["sources", index, "sourceId"], message: "libBackup.records.sourceLinkedTwice" });
      seen.add(link.sourceId);
    });
  });

export const reviewRecordSchema = z.strictObject({
  type: z.literal("review"),
  id,
  claimId: id,
  reviewerId: id,
  decision: z.enum(DECISIONS),
  rating: z.enum(RATINGS).nullable(),
  comment: nullableText,
  createdAt: timestamp,
});

// A colleague the comment names (@name), and when they saw it on their Mentions page.
const mentionSchema = z.strictObject({
  userId: id,
  readAt: timestamp.nullable(),
});

export const commentRecordSchema = z
  .strictObject({
    type: z.literal("comment"),
    id,
    claimId: id,
    authorId: id,
    body: text,
    createdAt: timestamp,
    // Files written before mentions existed have none.
    mentions: z.array(mentionSchema).default([]),
  })
  .superRefine((comment, ctx) => {
    const seen = new Set<string>();
    comment.mentions.forEach((mention, index) => {
      if (seen.has(mention.userId)) ctx.addIssue({ code: "custom", path: ["mentions", index, "userId"], message: "libBackup.records.mentionedTwice" });
      seen.add(mention.userId);
    });
  });

export const exclusionRecordSchema = z
  .strictObject({
    type: z.literal("exclusion"),
    claimAId: id,
    claimBId: id,
    createdById: id.nullable(),
    createdAt: timestamp,
  })
  .refine((pair) => pair.claimAId < pair.claimBId, { error: "libBackup.records.pairOrder", path: ["claimBId"] });

export const trailerSchema = z.strictObject({
  type: z.literal("end"),
  claims: count,
  users: count,
  articles: count,
  revisions: count,
  sources: count,
  groups: count,
  reviews: count,
  comments: count,
  exclusions: count,
});

/** The record schemas by their `type`, in the order their tables are written on restore. */
export const RECORD_SCHEMAS = {
  user: userRecordSchema,
  article: articleRecordSchema,
  revision: revisionRecordSchema,
  source: sourceRecordSchema,
  group: groupRecordSchema,
  claim: claimRecordSchema,
  review: reviewRecordSchema,
  comment: commentRecordSchema,
  exclusion: exclusionRecordSchema,
} as const;

export type RecordType = keyof typeof RECORD_SCHEMAS;
export type BackupHeader = z.output<typeof headerSchema>;
export type BackupTrailer = z.output<typeof trailerSchema>;
export type UserRecord = z.output<typeof userRecordSchema>;
export type ArticleRecord = z.output<typeof articleRecordSchema>;
export type RevisionRecord = z.output<typeof revisionRecordSchema>;
export type SourceRecord = z.output<typeof sourceRecordSchema>;
export type GroupRecord = z.output<typeof groupRecordSchema>;
export type ClaimRecord = z.output<typeof claimRecordSchema>;
export type ReviewRecord = z.output<typeof reviewRecordSchema>;
export type CommentRecord = z.output<typeof commentRecordSchema>;
export type ExclusionRecord = z.output<typeof exclusionRecordSchema>;
export type BackupRecord = { [T in RecordType]: z.output<(typeof RECORD_SCHEMAS)[T]> }[RecordType];

/** What the trailer counts, by record type. */
export const TRAILER_COUNT_OF: Record<RecordType, Exclude<keyof BackupTrailer, "type">> = {
  user: "users",
  article: "articles",
  revision: "revisions",
  source: "sources",
  group: "groups",
  claim: "claims",
  review: "reviews",
  comment: "comments",
  exclusion: "exclusions",
};
