import type { EventLine } from "@/lib/review/describe-event";

type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * An audit event's line in the reader's language. `activity` is the "activity" catalog's
 * translator, `labels` the shared one (the verdict an approval names reads as the labels'
 * in-sentence verdict, as everywhere else).
 */
export function eventLineText(line: EventLine, activity: Translate, labels: Translate): string {
  const values = { ...line.values };
  if (line.rating !== undefined) values.verdict = line.rating ? labels(`verdictInSentence.${line.rating}`) : activity("noVerdict");
  return activity(`event.${line.key}`, values);
}
