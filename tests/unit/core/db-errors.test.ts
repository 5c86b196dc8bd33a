import { describe, expect, it } from "vitest";
import { isConstraintViolation, isDataException, isSerializationFailure, isUniqueViolation, postgresCode } from "@/lib/core/db-errors";
import { Prisma } from "@/lib/generated/prisma/client";

// Prisma reports the same refusal two ways: its own code for a model query, and P2010 with
// PostgreSQL's SQLSTATE underneath for a raw one. Each question answers both.
const modelQuery = (code: string) => new Prisma.PrismaClientKnownRequestError("refused", { code, clientVersion: "7" });
const rawQuery = (sqlstate: string) =>
  new Prisma.PrismaClientKnownRequestError("refused", { code: "P2010", clientVersion: "7", meta: { driverAdapterError: { cause: { originalCode: sqlstate } } } });

describe("database errors", () => {
  it("read a unique violation from a model query and from a raw one", () => {
    expect(isUniqueViolation(modelQuery("P2002"))).toBe(true);
    expect(isUniqueViolation(rawQuery("23505"))).toBe(true);
    expect(isUniqueViolation(modelQuery("P2025"))).toBe(false);
  });

  it("read a foreign key violation as a constraint violation too, both ways", () => {
    expect(isConstraintViolation(modelQuery("P2003"))).toBe(true);
    expect(isConstraintViolation(rawQuery("23503"))).toBe(true);
    expect(isConstraintViolation(rawQuery("40001"))).toBe(false);
  });

  it("read a serialization failure and a data exception", () => {
    expect(isSerializationFailure(modelQuery("P2034"))).toBe(true);
    expect(isSerializationFailure(rawQuery("40001"))).toBe(true);
    expect(isDataException(rawQuery("22P02"))).toBe(true);
    expect(isDataException(rawQuery("23505"))).toBe(false);
  });

  it("find no code in anything else", () => {
    expect(postgresCode(new Error("boom"))).toBeUndefined();
    expect(postgresCode(null)).toBeUndefined();
  });
});
