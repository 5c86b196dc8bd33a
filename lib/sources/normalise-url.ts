/**
 * The key under which two spellings of one web address count as the same source. Fact-checkers
 * paste the same official page from a search result, a social post and the address bar; each
 * arrives dressed differently (tracking parameters, "www.", http or https, a trailing slash), and
 * the source list should hold it once. The key is for comparing only: the source keeps its URL
 * as it was entered, and nobody is sent to the key.
 *
 * The rules, each decided for the sites the newsroom cites:
 * - Parsed by the WHATWG URL class, as a browser would: scheme and host lower case, "." and ".."
 *   segments resolved, the default port of the scheme gone, an IDN host in punycode
 *   ("домен.kz" and "ДОМЕН.kz" both "xn--d1acufc.kz"). Punycode rather than Unicode because it is
 *   what the parser gives for every spelling, with no second mapping that could disagree.
 * - Only http and https; anything else has no key. The scheme is left out: http and https serve
 *   the same page on every site cited in practice (gov.kz, akorda.kz and the outlets redirect one to
 *   the other), and a source first stored as http must be found when pasted as https.
 * - Ports 80 and 443 are both dropped, since the scheme no longer tells which one is default.
 * - A leading "www." is dropped: gov.kz, akorda.kz, stat.gov.kz and the outlets serve the same pages
 *   with and without it. Other subdomains ("m.", "old.") are different sites and stay.
 * - A host's trailing dot ("gov.kz.") is the same host.
 * - Username and password are dropped: they say who fetched the page, not which page it is.
 * - The fragment is dropped: it points inside the page, the source is the page.
 * - A trailing slash is dropped ("/news/" is "/news"): the sites cited answer both with one page.
 * - Path segments are percent-decoded and encoded again one way (upper-case hex, unreserved
 *   letters plain), so "%d0%b6", "%D0%B6" and a typed "ж" are one key. A segment whose escapes are
 *   not UTF-8 keeps its bytes, with upper-case hex. Letter case in the path is kept: servers may
 *   tell "/News" from "/news".
 * - Tracking parameters are dropped: utm_*, fbclid (Facebook), gclid (Google Ads), yclid
 *   (Yandex Direct) and ysclid (Yandex's browser and search, common on links shared in
 *   Kazakhstan). Other parameters can name the document (?id=, ?page=) and stay, sorted by name
 *   (values of one name keep their order) and written in one encoding.
 */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;

  const host = url.hostname.replace(/\.$/, "").replace(/^www\./, "");
  const port = url.port === "" || url.port === "80" || url.port === "443" ? "" : `:${url.port}`;
  const path = url.pathname
    .split("/")
    .map(canonicalSegment)
    .join("/")
    .replace(/\/+$/, "");
  const params = new URLSearchParams(url.search);
  for (const name of [...params.keys()]) if (isTracking(name)) params.delete(name);
  params.sort();
  const query = params.toString();
  return `${host}${port}${path}${query ? `?${query}` : ""}`;
}

const TRACKING_NAMES = new Set(["fbclid", "gclid", "yclid", "ysclid"]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_NAMES.has(lower);
}

function canonicalSegment(segment: string): string {
  try {
    return encodeURIComponent(decodeURIComponent(segment));
  } catch {
    // Escapes that are not UTF-8 (a Windows-1251 "%C0") are kept as bytes.
    return segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  }
}
