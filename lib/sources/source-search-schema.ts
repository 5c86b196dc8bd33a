import { z } from "zod";
import { withBounds } from "@/lib/core/zod-issues";

/** Longer than any title or address worth typing; the bound keeps each keystroke's query small. */
export const SOURCE_QUERY_MAX = 200;

/** What the source picker sends: the words typed, and where the previous page ended. Checked in the browser too. */
export const sourceSearchSchema = z.object({
  query: z.string().max(SOURCE_QUERY_MAX, { error: withBounds("libClaims.source.queryTooLong") }),
  after: z.string().max(100).nullish(),
});
export type SourceSearch = z.output<typeof sourceSearchSchema>;
