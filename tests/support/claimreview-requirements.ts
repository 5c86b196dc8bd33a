/**
 * What Google's fact-check structured data documentation asks of ClaimReview markup
 * (Google Search Central, "Fact check (ClaimReview) structured data",
 * developers.google.com/search/docs/appearance/structured-data/factcheck), written down
 * independently of Derek's exporter so a test can hold the exporter to it.
 *
 * From the documentation's "Structured data type definitions":
 *  ClaimReview
 *   - claimReviewed   required  Text: a short summary of the claim; "try to keep this less than 75
 *                               characters"; do not put the rating in it.
 *   - reviewRating    required  Rating: the assessment of the claim, numeric and/or textual.
 *   - url             required  URL: the page hosting the full fact check; its domain must be the
 *                               same as, or a subdomain of, the page hosting the markup.
 *   - author          recommended Organization or Person: the publisher of the fact check (not of
 *                               the claim), with a name. Derek's brief requires it, so a missing
 *                               author is an error here.
 *   - datePublished   recommended DateTime: when the fact check was published.
 *   - itemReviewed    recommended Claim: the claim, with
 *       appearance / firstAppearance  recommended URL or CreativeWork (with a url): where it appears;
 *       author        recommended Organization or Person (with a name): who made the claim;
 *       datePublished recommended DateTime: when the claim was made.
 *  Rating
 *   - alternateName   required  Text: the truthfulness rating as a short phrase; the only part
 *                               shown in search results.
 *   - ratingValue     recommended Number: for numeric ratings, between worstRating and bestRating.
 *   - bestRating / worstRating  recommended Number: bestRating greater than worstRating (schema.org
 *                               assumes 5 and 1 when they are missing).
 *   - "Minimally, there must be a number to text rating system for all your fact checks that carry
 *     numeric scores": across a publisher's reviews, one ratingValue always reads as the same
 *     alternateName.
 *  JSON-LD
 *   - Google reads markup whose @context is schema.org.
 */

export interface ClaimReviewFinding {
  /** Dotted path of the property, e.g. "reviewRating.alternateName". */
  path: string;
  message: string;
}

export interface ClaimReviewReport {
  errors: ClaimReviewFinding[];
  /** Recommended properties that are missing or malformed: markup still valid, but poorer. */
  warnings: ClaimReviewFinding[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const nonEmptyText = (value: unknown): value is string => typeof value === "string" && value.trim().length > 0;
const typeOf = (value: Json): string[] => (Array.isArray(value["@type"]) ? (value["@type"] as string[]) : [String(value["@type"])]);
const SCHEMA_ORG = /^https?:\/\/schema\.org\/?$/;
// ISO 8601 date, or date and time with an optional zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function absoluteUrl(value: unknown): URL | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url : null;
  } catch {
    return null;
  }
}

/** A number, or a text that reads as one with a dot for decimals ("4", "4.5"; not "4,5"). */
function numeric(value: unknown): number | null {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

function checkParty(value: unknown, path: string, findings: ClaimReviewFinding[], what: string) {
  if (value === undefined) {
    findings.push({ path, message: `${what} is missing.` });
    return;
  }
  if (!isObject(value) || !typeOf(value).some((t) => t === "Organization" || t === "Person")) {
    findings.push({ path, message: `${what} must be an Organization or a Person.` });
    return;
  }
  if (!nonEmptyText(value.name)) findings.push({ path: `${path}.name`, message: `${what} needs a name.` });
}

function checkDate(value: unknown, path: string, findings: ClaimReviewFinding[], what: string) {
  if (value === undefined) findings.push({ path, message: `${what} is missing.` });
  else if (typeof value !== "string" || !ISO_8601.test(value) || Number.isNaN(Date.parse(value)))
    findings.push({ path, message: `${what} must be an ISO 8601 date or date-time, got ${JSON.stringify(value)}.` });
}

/**
 * One ClaimReview node against Google's requirements. `context` is the @context in force (the
 * node's own or its document's); `pageUrl`, when given, is where the markup would be published.
 */
export function checkClaimReview(node: unknown, options: { context?: unknown; pageUrl?: string } = {}): ClaimReviewReport {
  const errors: ClaimReviewFinding[] = [];
  const warnings: ClaimReviewFinding[] = [];
  if (!isObject(node)) return { errors: [{ path: "", message: "A ClaimReview must be a JSON object." }], warnings };

  const context = node["@context"] ?? options.context;
  if (typeof context !== "string" || !SCHEMA_ORG.test(context)) errors.push({ path: "@context", message: "The @context must be schema.org." });
  if (!typeOf(node).includes("ClaimReview")) errors.push({ path: "@type", message: "The @type must be ClaimReview." });

  if (!nonEmptyText(node.claimReviewed)) errors.push({ path: "claimReviewed", message: "claimReviewed (the claim, as text) is required." });
  else if (node.claimReviewed.length >= 75) warnings.push({ path: "claimReviewed", message: "Keep claimReviewed under 75 characters so it does not wrap on phones." });

  const url = absoluteUrl(node.url);
  if (!url) errors.push({ path: "url", message: "url (the fact check's page, an absolute http(s) URL) is required." });
  else if (options.pageUrl) {
    const page = new URL(options.pageUrl).hostname;
    if (url.hostname !== page && !url.hostname.endsWith(`.${page}`))
      errors.push({ path: "url", message: `url must be on ${page} or a subdomain of it, not ${url.hostname}.` });
  }

  const rating = node.reviewRating;
  if (!isObject(rating) || !typeOf(rating).includes("Rating")) {
    errors.push({ path: "reviewRating", message: "reviewRating (a Rating) is required." });
  } else {
    if (!nonEmptyText(rating.alternateName)) errors.push({ path: "reviewRating.alternateName", message: "reviewRating.alternateName (the verdict as text) is required." });
    if (rating.ratingValue !== undefined) {
      const value = numeric(rating.ratingValue);
      const best = rating.bestRating === undefined ? 5 : numeric(rating.bestRating);
      const worst = rating.worstRating === undefined ? 1 : numeric(rating.worstRating);
      if (value === null) errors.push({ path: "reviewRating.ratingValue", message: "ratingValue must be a number (with a dot for decimals)." });
      if (best === null) errors.push({ path: "reviewRating.bestRating", message: "bestRating must be a number." });
      if (worst === null) errors.push({ path: "reviewRating.worstRating", message: "worstRating must be a number." });
      if (best !== null && worst !== null && !(best > worst)) errors.push({ path: "reviewRating.bestRating", message: "bestRating must be greater than worstRating." });
      if (value !== null && best !== null && worst !== null && (value < worst || value > best))
        errors.push({ path: "reviewRating.ratingValue", message: `ratingValue ${value} is outside ${worst}–${best}.` });
      if (rating.bestRating === undefined) warnings.push({ path: "reviewRating.bestRating", message: "bestRating is recommended with a numeric rating." });
      if (rating.worstRating === undefined) warnings.push({ path: "reviewRating.worstRating", message: "worstRating is recommended with a numeric rating." });
    } else if (rating.bestRating !== undefined || rating.worstRating !== undefined) {
      errors.push({ path: "reviewRating.ratingValue", message: "A scale (bestRating, worstRating) without a ratingValue rates nothing." });
    }
    if (nonEmptyText(rating.alternateName) && nonEmptyText(node.claimReviewed) && node.claimReviewed.trim() === rating.alternateName.trim())
      errors.push({ path: "claimReviewed", message: "claimReviewed must be the claim, not its rating." });
  }

  checkParty(node.author, "author", errors, "author (the fact check's publisher)");
  checkDate(node.datePublished, "datePublished", warnings, "datePublished (when the fact check was published)");

  const item = node.itemReviewed;
  if (item === undefined) warnings.push({ path: "itemReviewed", message: "itemReviewed (the Claim) is recommended." });
  else if (!isObject(item) || !typeOf(item).includes("Claim")) errors.push({ path: "itemReviewed", message: "itemReviewed must be a Claim." });
  else {
    const appearances = [item.appearance, item.firstAppearance].filter((value) => value !== undefined).flat();
    if (appearances.length === 0) warnings.push({ path: "itemReviewed.appearance", message: "appearance or firstAppearance (where the claim appears) is recommended." });
    for (const appearance of appearances) {
      const link = isObject(appearance) ? appearance.url : appearance;
      if (!absoluteUrl(link)) errors.push({ path: "itemReviewed.appearance", message: "An appearance must be a URL or a CreativeWork with a url." });
    }
    checkParty(item.author, "itemReviewed.author", warnings, "itemReviewed.author (who made the claim)");
    checkDate(item.datePublished, "itemReviewed.datePublished", warnings, "itemReviewed.datePublished (when the claim was made)");
  }
  return { errors, warnings };
}

/**
 * A JSON-LD document of ClaimReviews (one node, an array, or an @graph), each checked, plus the
 * rule that holds across them: one ratingValue always means one alternateName.
 */
export function checkClaimReviewDocument(document: unknown, options: { pageUrl?: string } = {}): { reviews: number; errors: ClaimReviewFinding[]; warnings: ClaimReviewFinding[] } {
  const context = isObject(document) ? document["@context"] : undefined;
  const nodes = Array.isArray(document) ? document : isObject(document) && Array.isArray(document["@graph"]) ? document["@graph"] : [document];
  const errors: ClaimReviewFinding[] = [];
  const warnings: ClaimReviewFinding[] = [];
  const scale = new Map<number, string>();
  nodes.forEach((node, index) => {
    const report = checkClaimReview(node, { context, pageUrl: options.pageUrl });
    errors.push(...report.errors.map((f) => ({ ...f, path: `[${index}].${f.path}` })));
    warnings.push(...report.warnings.map((f) => ({ ...f, path: `[${index}].${f.path}` })));
    const rating = isObject(node) && isObject(node.reviewRating) ? node.reviewRating : null;
    const value = rating ? numeric(rating.ratingValue) : null;
    if (rating && value !== null && nonEmptyText(rating.alternateName)) {
      const known = scale.get(value);
      if (known === undefined) scale.set(value, rating.alternateName);
      else if (known !== rating.alternateName)
        errors.push({ path: `[${index}].reviewRating`, message: `ratingValue ${value} reads “${rating.alternateName}” here but “${known}” elsewhere: one number, one verdict.` });
    }
  });
  return { reviews: nodes.length, errors, warnings };
}
