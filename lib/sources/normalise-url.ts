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
 * - Path segments are percent-decoded and encoded again one way (upper-case hex; unreserved
 *   letters and the delimiters a path may hold plain), so "%d0%b6", "%D0%B6" and a typed "ж" are
 *   one key. A segment whose escapes are not UTF-8 keeps its bytes, with upper-case hex. Letter case in the path is kept: servers may
 *   tell "/News" from "/news".
 * - Tracking parameters are dropped: utm_*, fbclid (Facebook), gclid (Google Ads), yclid
 *   (Yandex Direct) and ysclid (Yandex's browser and search, common on links shared in
 *   Kazakhstan). Other parameters can name the document (?id=, ?page=) and stay, sorted by name
 *   (values of one name keep their order) and written in one encoding ("+" is a space, as forms
 *   send it).
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
  const query = [...params].map(([name, value]) => `${encode(name, QUERY_PLAIN)}=${encode(value, QUERY_PLAIN)}`).join("&");
  return `${host}${port}${path}${query ? `?${query}` : ""}`;
}

const TRACKING_NAMES = new Set(["fbclid", "gclid", "yclid", "ysclid"]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith("utm_") || TRACKING_NAMES.has(lower);
}

// What RFC 3986 lets stand unescaped in a path segment and in a query's names and values
// (the query's own "&", "=", "+" and "#" stay escaped); encodeURIComponent escapes them, and
// the key reads better, and as the address was most likely typed, with them plain.
const PATH_PLAIN = /%(21|24|26|27|28|29|2A|2B|2C|3A|3B|3D|40)/g;
const QUERY_PLAIN = /%(21|24|27|28|29|2A|2C|2F|3A|3B|3F|40)/g;

function encode(text: string, plain: RegExp): string {
  return encodeURIComponent(text).replace(plain, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function canonicalSegment(segment: string): string {
  try {
    return encode(decodeURIComponent(segment), PATH_PLAIN);
  } catch {
    // Escapes that are not UTF-8 (a Windows-1251 "%C0") are kept as bytes.
    return segment.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());
  }
}
