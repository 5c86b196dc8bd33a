import type { Metadata } from "next";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { pickNamespaces, SHELL_NAMESPACES } from "./_lib/client-namespaces";
import { KazakhNumbers } from "./_components/kazakh-numbers";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return { title: { default: "Derek", template: "%s · Derek" }, description: t("appDescription") };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  const messages = await getMessages();
  return (
    <html lang={locale}>
      <body>
        {/* Past the header to the page's own content (#main: the workbench layout, sign-in, not-found). */}
        <a href="#main" className="skip-link">{t("skipToContent")}</a>
        <KazakhNumbers>
          <NextIntlClientProvider messages={pickNamespaces(messages, SHELL_NAMESPACES)}>{children}</NextIntlClientProvider>
        </KazakhNumbers>
      </body>
    </html>
  );
}
