import { randomBytes } from "node:crypto";

/**
 * A new row id as the schema's `@default(uuid(7))` makes it (RFC 9562 version 7: milliseconds
 * since the epoch, then random bits), for rows written in SQL rather than through the Prisma
 * client, which is what fills that default. PostgreSQL's own uuidv7() exists only from version 18.
 */
export function uuidV7(now: number = Date.now()): string {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = (bytes[6] & 0x0f) | 0x70;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
