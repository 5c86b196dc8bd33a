import { codedIssue } from "@/lib/core/zod-issues";
import type { ShownMessage } from "@/lib/i18n/coded-message";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { sortKazakh } from "@/lib/i18n/collation";
import { authorize, type Actor, type ClaimStatus } from "@/lib/auth/policy";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isCalendarDate, parseDateOnly } from "@/lib/core/dates";

/**
 * Offset pagination: a page number in the URL is easy to share and to read ("page 3 of 7"), and
 * at a newsroom's scale (thousands of articles, not millions) skipping rows costs little. The sort
 * ends on the id so that rows with equal dates never swap between pages.
 */
export const ARTICLE_PAGE_SIZE = 25;

const MAX_PAGE = 100_000;

const blankToUndefined = (value: string) => value || undefined;
const date = (label: string) =>
  z
    .string()
    .trim()
    .refine((value) => value === "" || isCalendarDate(value), { error: "libArticles.list.date", params: { label } })
    .transform(blankToUndefined)
    .optional();

/** The list's filters as they appear in the URL, so a filtered view can be shared as a link. */
export const articleListQuerySchema = z
  .object({
    q: z.string().trim().max(200, { error: "libArticles.list.searchTooLong" }).transform(blankToUndefined).optional(),
    outlet: z.string().trim().max(200, { error: "libArticles.list.unknownOutlet" }).transform(blankToUndefined).optional(),
    from: date("from"),
    to: date("to"),
    awaiting: z
      .enum(["", "1"], { error: "libArticles.list.awaiting" })
      .transform((value) => value === "1")
      .optional(),
    page: z
      .string()
      .trim()
      .regex(/^\d*$/, { error: "libArticles.list.pageWhole" })
      .transform((value) => (value ? Number(value) : 1))
      .refine((value) => value >= 1 && value <= MAX_PAGE, { error: "libArticles.list.pageMin" })
      .optional(),
  });

export type ArticleListQuery = z.output<typeof articleListQuerySchema>;
export const ARTICLE_LIST_FIELDS = ["q", "outlet", "from", "to", "awaiting", "page"] as const;
export type ArticleListField = (typeof ARTICLE_LIST_FIELDS)[number];

export type ParsedArticleListQuery =
  | { ok: true; query: ArticleListQuery }
  | { ok: false; errors: Partial<Record<ArticleListField, ShownMessage>> };

/** Next.js searchParams (a key given twice arrives as an array) to a query or messages per field. */
export function parseArticleListQuery(params: Record<string, string | string[] | undefined>): ParsedArticleListQuery {
  const errors: Partial<Record<ArticleListField, ShownMessage>> = {};
  const raw: Partial<Record<ArticleListField, string>> = {};
  for (const field of ARTICLE_LIST_FIELDS) {
    const value = params[field];
    if (Array.isArray(value)) errors[field] = { code: "libArticles.list.once", params: { field, count: value.length } };
    else if (value !== undefined) raw[field] = value;
  }
  const parsed = articleListQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ArticleListField;
      errors[field] ??= codedIssue(issue) ?? issue.message;
    }
  }
  // Checked apart from the schema so it is reported even when another field is also wrong
  // (an object-level refinement only runs once every field has parsed).
  const from = raw.from?.trim();
  const to = raw.to?.trim();
  if (!errors.from && !errors.to && from && to && isCalendarDate(from) && isCalendarDate(to) && from > to) {
    errors.to = { code: "libArticles.list.fromAfterTo" };
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, query: parsed.data };
}

export interface ArticleListItem {
  id: string;
  title: string;
  outlet: string | null;
  publishedAt: Date | null;
  createdAt: Date;
  claimCounts: Partial<Record<ClaimStatus, number>>;
}

export interface ArticleListPage {
  items: ArticleListItem[];
  total: number;
  page: number;
  pageCount: number;
}

/**
 * Prisma's `contains` puts the value between % as it is, so a "%" or "_" typed into the search box
 * would match anything; PostgreSQL's default LIKE escape character is the backslash.
 */
function escapeLikePattern(value: string): string {
  return value.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * Title and body search is ILIKE (Prisma's `contains` with `mode: "insensitive"`). ILIKE folds case with the database's LC_CTYPE: under C.UTF-8, which the embedded
 * cluster uses, and any other UTF-8 locale it folds Kazakh letters (Қ/қ, Ә/ә, Ү/ү, І/і …); under
 * the plain "C" locale it would fold only ASCII, so the database must not use that. The test suite
 * checks Kazakh folding against the real server. Trigram indexes serve the search.
 *
 * A date range keeps only articles with a publication date inside it (both ends included): an
 * article without a date cannot be said to fall in a range.
 */
export function articleListWhere(query: ArticleListQuery): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (query.q) {
    const contains = escapeLikePattern(query.q);
    and.push({ OR: [{ title: { contains, mode: "insensitive" } }, { bodyText: { contains, mode: "insensitive" } }] });
  }
  if (query.outlet) and.push({ outlet: query.outlet });
  if (query.from) and.push({ publishedAt: { gte: parseDateOnly(query.from) } });
  if (query.to) and.push({ publishedAt: { lte: parseDateOnly(query.to) } });
  if (query.awaiting) and.push({ claims: { some: { status: "SUBMITTED", deletedAt: null } } });
  return { AND: and };
}

export async function listArticles(options: { actor: Actor; query?: ArticleListQuery }): Promise<ArticleListPage> {
  authorize(options.actor, "article.list");
  const query = options.query ?? {};
  const where = articleListWhere(query);
  const page = query.page ?? 1;
  const [total, articles] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ publishedAt: { sort: "desc", nulls: "last" } }, { createdAt: "asc" }, { id: "asc" }],
      skip: (page - 1) * ARTICLE_PAGE_SIZE,
      take: ARTICLE_PAGE_SIZE,
      select: { id: true, title: true, outlet: true, publishedAt: true, createdAt: true },
    }),
  ]);
  const counts = await db.claim.groupBy({
    by: ["articleId", "status"],
    where: { articleId: { in: articles.map((a) => a.id) }, deletedAt: null },
    _count: { _all: true },
  });
  const items = articles.map((article) => ({
    ...article,
    claimCounts: Object.fromEntries(
      counts.filter((c) => c.articleId === article.id).map((c) => [c.status, c._count._all]),
    ),
  }));
  return { items, total, page, pageCount: Math.max(1, Math.ceil(total / ARTICLE_PAGE_SIZE)) };
}

/** The outlets that articles name, for the filter's choices. */
export async function listOutlets(options: { actor: Actor }): Promise<string[]> {
  authorize(options.actor, "article.list");
  const rows = await db.article.findMany({
    where: { outlet: { not: null } },
    distinct: ["outlet"],
    orderBy: { outlet: "asc" },
    select: { outlet: true },
  });
  return sortKazakh(rows.map((row) => row.outlet!), (outlet) => outlet);
}
