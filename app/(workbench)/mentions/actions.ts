"use server";

import { z } from "zod";
import { listMentionable } from "@/lib/review/list-mentionable";
import { markMentionsRead } from "@/lib/review/mark-mentions-read";
import { MENTIONS_SHOWN } from "@/lib/review/list-mentions";
import { runAction } from "../../_lib/action-result";

const seenSchema = z.object({ commentIds: z.array(z.uuid()).max(MENTIONS_SHOWN) });

export async function markMentionsSeenAction(input: unknown) {
  return runAction(seenSchema, input, async (actor, { commentIds }) => ({ marked: await markMentionsRead({ actor, commentIds }) }));
}

/** The colleagues a comment's type-ahead offers after "@". */
export async function mentionablePeopleAction(input: unknown) {
  return runAction(z.object({}), input, (actor) => listMentionable({ actor }));
}
