"use client";

import { useLocale, useMessages } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { createMessageTranslator } from "@/lib/i18n/message-translator";

const EnglishLibMessages = createContext<Messages>({});

/** Gives client components the English templates of lib/'s messages (see message-translator.ts). */
export function MessageTranslationProvider({ english, children }: { english: Messages; children: ReactNode }) {
  return <EnglishLibMessages.Provider value={english}>{children}</EnglishLibMessages.Provider>;
}

/** Translates a message from lib/ (a validation rule run in the browser, a server's refusal). */
export function useTranslateMessage(): (message: string) => string {
  const english = useContext(EnglishLibMessages);
  const messages = useMessages() as Messages;
  const locale = useLocale();
  return useMemo(() => createMessageTranslator(english, messages, locale), [english, messages, locale]);
}

/** A message from lib/, in the reader's language. */
export function TranslatedMessage({ message }: { message: string }) {
  return <>{useTranslateMessage()(message)}</>;
}
