import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentActor } from "../_lib/session";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

function safeCallback(url: string | undefined): string {
  // Only paths of this site: an open redirect would let a phishing link borrow Derek's sign-in.
  return url && url.startsWith("/") && !url.startsWith("//") ? url : "/articles";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const target = safeCallback(callbackUrl);
  if (await currentActor()) redirect(target);
  return (
    <main className="signin card">
      <h1>Derek</h1>
      <p className="muted">Fact-tracking workbench. Sign in to continue.</p>
      <SignInForm callbackUrl={target} />
    </main>
  );
}
