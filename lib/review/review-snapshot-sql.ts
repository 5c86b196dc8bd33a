import { Prisma } from "@/lib/generated/prisma/client";
import { REVIEW_AUDIT_FIELDS } from "./review-snapshot";

type Field = keyof typeof REVIEW_AUDIT_FIELDS;

/**
 * How each field of a review's audit snapshot is written in SQL so that the JSON equals what
 * recordAuditEvent stores from a Prisma row (JSON.stringify of it): a Decimal as its shortest
 * string ("1500", "12.5"), a Date as toISOString() (a date column is midnight UTC), the rest as
 * themselves. Keyed by the snapshot's fields, so a field added there does not compile until it
 * is given here.
 */
const AS_JSON: Record<Field, "plain" | "decimal" | "timestamp" | "date"> = {
  id: "plain",
  articleId: "plain",
  start: "plain",
  end: "plain",
  quote: "plain",
  category: "plain",
  value: "decimal",
  min: "decimal",
  max: "decimal",
  unit: "plain",
  qualifier: "plain",
  claimant: "plain",
  statement: "plain",
  eventDate: "date",
  note: "plain",
  status: "plain",
  rating: "plain",
  anchorStatus: "plain",
  version: "plain",
  authorId: "plain",
  deletedAt: "timestamp",
  assigneeId: "plain",
};

function jsonValue(column: string, kind: (typeof AS_JSON)[Field]): string {
  switch (kind) {
    case "decimal":
      return `trim_scale(${column})::text`;
    case "timestamp":
      return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case "date":
      return `to_char(${column}, 'YYYY-MM-DD"T00:00:00.000Z"')`;
    default:
      return column;
  }
}

/** The claim row under `alias` as the jsonb a review's audit event records (before or after). */
export function reviewSnapshotJson(alias: string): Prisma.Sql {
  const pairs = Object.entries(AS_JSON).map(([field, kind]) => `'${field}', ${jsonValue(`${alias}."${field}"`, kind)}`);
  return Prisma.raw(`jsonb_build_object(${pairs.join(", ")})`);
}

/** The claim row under `alias` with the snapshot's fields, as the Prisma select would return them. */
export function reviewSnapshotColumns(alias: string): Prisma.Sql {
  return Prisma.raw(Object.keys(AS_JSON).map((field) => `${alias}."${field}"`).join(", "));
}
