import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import type { ReactNode } from "react";
import { LIB_NAMESPACES, PAGE_NAMESPACES, pickNamespaces, type PageRoute } from "../_lib/client-namespaces";

/** A page's client components with the messages they translate, and no others (client-namespaces.ts). */
export async function ClientMessages({ route, children }: { route: PageRoute; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickNamespaces(messages, [...PAGE_NAMESPACES[route], ...LIB_NAMESPACES])}>{children}</NextIntlClientProvider>;
}
