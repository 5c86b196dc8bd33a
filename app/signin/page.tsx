import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { safeCallbackPath } from "@/lib/auth/callback-url";
import { LanguageSwitch } from "../_components/language-switch";
import { currentActor } from "../_lib/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("signin");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; passwordChanged?: string }> }) {
  const { callbackUrl, passwordChanged } = await searchParams;
  // A repeated callbackUrl arrives as an array: not a link Derek makes, so not followed.
  const target = safeCallbackPath(typeof callbackUrl === "string" ? callbackUrl : undefined);
  if (await currentActor()) redirect(target);
  const t = await getTranslations("signin");
  return (
    <main id="main" tabIndex={-1} className="signin card">
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
