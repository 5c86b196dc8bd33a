// Any origin will do: the URL is only parsed against it to see whether it stays on it. A reserved
// name (.invalid) can never be a real host a hostile link could point at.
const BASE = "http://derek.invalid";

export const DEFAULT_AFTER_SIGN_IN = "/articles";

/** The request header in which proxy.ts passes the page a request asked for to the pages. */
export const REQUESTED_PAGE_HEADER = "x-derek-requested-page";

/**
 * Where to go after signing in: the path and query of `url` when it stays on this site, else
 * the articles. Parsed the way a browser will (backslashes, tabs and newlines, `/./` segments),
 * so `/\evil.example` or `/<TAB>/evil.example` cannot slip past a check on the raw text. An
 * open redirect would let a phishing link borrow Derek's sign-in.
 */
export function safeCallbackPath(url: string | null | undefined): string {
  if (!url) return DEFAULT_AFTER_SIGN_IN;
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (parsed.origin !== BASE) return DEFAULT_AFTER_SIGN_IN;
  // "/.//evil.example" normalises to the path "//evil.example", which a browser reads as a host.
  if (parsed.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return `${parsed.pathname}${parsed.search}`;
}
