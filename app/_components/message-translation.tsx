"use client";

import { useLocale, useMessages } from "next-intl";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Messages } from "@/lib/i18n/messages";
import { createMessageTranslator, type MessageTranslator } from "@/lib/i18n/message-translator";

const identity: MessageTranslator = (message) => message;
const Translator = createContext<MessageTranslator>(identity);

/**
 * Builds the translator of lib/'s messages (see message-translator.ts) once per language for the
 * whole page, from the English templates and the reader's catalog; every field error shares it.
 */
export function MessageTranslationProvider({ english, children }: { english: Messages; children: ReactNode }) {
  const messages = useMessages() as Messages;
  const locale = useLocale();
  const translate = useMemo(() => createMessageTranslator(english, messages, locale), [english, messages, locale]);
  return <Translator.Provider value={translate}>{children}</Translator.Provider>;
}

/** Translates a message from lib/ (a validation rule run in the browser, a server's refusal). */
export function useTranslateMessage(): MessageTranslator {
  return useContext(Translator);
}

/** A message from lib/, in the reader's language. */
export function TranslatedMessage({ message }: { message: string }) {
  return <>{useTranslateMessage()(message)}</>;
}
