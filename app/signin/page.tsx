import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { LanguageSwitch } from "../_components/language-switch";
import { currentActor } from "../_lib/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

function safeCallback(url: string | undefined): string {
  // Only paths of this site: an open redirect would let a phishing link borrow Derek's sign-in.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/articles";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; passwordChanged?: string }> }) {
  const { callbackUrl, passwordChanged } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await currentActor()) redirect(target);
  const t = await getTranslations("signin");
  return (
    <main className="signin card">
      {/* Before signing in: the visitor reads the form in their language (kept in a cookie). */}
      <div style={{ textAlign: "right" }}>
        <LanguageSwitch />
      </div>
      <h1>Derek</h1>
      <p className="muted">{t("intro")}</p>
      {/* Where changing one's own password leads: that session ended with the old password. */}
      {passwordChanged === "1" && <p className="notice" role="status">{t("passwordChanged")}</p>}
      <SignInForm callbackUrl={target} />
    </main>
  );
}
