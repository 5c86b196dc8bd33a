import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The one way to read why the database refused a write or a query. Prisma reports a model
 * query's failure with its own code (P2002 unique, P2003 foreign key, P2034 write conflict) and a
 * raw query's as P2010 with PostgreSQL's SQLSTATE underneath, in the driver adapter's cause; the
 * adapter may also report a model query's failure with only the SQLSTATE. Each question below
 * answers both ways.
 */

const PRISMA_TO_SQLSTATE: Record<string, string> = { P2002: "23505", P2003: "23503", P2034: "40001" };

/** PostgreSQL's SQLSTATE of a failed query ("23505"), however Prisma wrapped it, or undefined. */
export function postgresCode(error: unknown): string | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null)?.meta;
  const original = meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  if (error instanceof Prisma.PrismaClientKnownRequestError) return PRISMA_TO_SQLSTATE[error.code];
  return undefined;
}

/** Another row already holds this unique value (P2002, SQLSTATE 23505). */
export const isUniqueViolation = (error: unknown) => postgresCode(error) === "23505";

/** A row names one that does not exist (P2003, SQLSTATE 23503). */
export const isForeignKeyViolation = (error: unknown) => postgresCode(error) === "23503";

/** A unique or foreign key violation: a row written by someone else meanwhile. */
export const isConstraintViolation = (error: unknown) => isUniqueViolation(error) || isForeignKeyViolation(error);

/** A serializable transaction lost to a concurrent one (P2034, SQLSTATE 40001); worth retrying. */
export const isSerializationFailure = (error: unknown) => postgresCode(error) === "40001";

/** PostgreSQL's class 22, "data exception": a value not of the column's type (22P02 bad text, 22007 bad date …). */
export const isDataException = (error: unknown) => postgresCode(error)?.startsWith("22") ?? false;
