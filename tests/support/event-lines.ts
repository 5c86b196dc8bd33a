import { createTranslator, type AbstractIntlMessages } from "use-intl/core";
import { eventLineText } from "@/app/(workbench)/activity/event-line";
import { loadMessages } from "@/lib/i18n/catalog";
import type { Locale } from "@/lib/i18n/locales";
import type { EventLine } from "@/lib/review/describe-event";
import { REPO_ROOT } from "./paths";

/** An audit event's line as the history and the activity feed show it in `locale` (English unless told). */
export function eventLine(line: EventLine, locale: Locale = "en"): string {
  // The catalogs are read at run time, so their keys are plain strings here, as in the pages.
  const messages = loadMessages(locale, REPO_ROOT) as AbstractIntlMessages;
  const translator = (namespace: string) => createTranslator({ locale, messages, namespace }) as unknown as Parameters<typeof eventLineText>[1];
  return eventLineText(line, translator("activity"), translator("labels"));
}
