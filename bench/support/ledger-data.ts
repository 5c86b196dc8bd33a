/**
 * Test data for bench/ledger.ts, made in SQL so a million claims take minutes, not hours: a
 * newsroom's users, 2,000 articles from ~20 outlets (the seed texts), claim groups, claims with
 * the ledger's fields spread as a newsroom's would be, and the reviews of decided claims.
 *
 * Deterministic: `setseed` fixes every random() of the session; article bodies and the quote
 * windows are derived from the seed texts in a fixed order.
 *
 * Quotes are real passages of the article they belong to (word windows of its seed text), so
 * full-text and trigram searches meet Kazakh words at the frequencies the corpus has. The corpus is
 * small (about 2,000 words, 1,160 distinct), so every corpus word is in roughly 0.3% or more of the
 * claims; the long tail of a real newsroom's vocabulary comes from the notes, which name places
 * with Zipf-like weights (the rarest ones are in a few dozen claims per million).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { contentHash } from "@/lib/articles/content-hash";
import { plainTextToDoc } from "@/lib/document/plain-text";
import { SEED_TEXTS_DIR } from "../../tests/support/paths";
import { CATEGORY_MIX } from "./review-data";

export interface LedgerDataShape {
  claims: number;
  articles: number;
  outlets: number;
  editors: number;
  reviewers: number;
  groups: number;
  sources: number;
}

/** Everything but the claims; groups and sources scale with the claims (20,000 and 50,000 at a million). */
export function ledgerShape(claims: number): LedgerDataShape {
  return { claims, articles: 2_000, outlets: 20, editors: 50, reviewers: 10, groups: Math.max(100, Math.round(claims / 50)), sources: Math.max(500, Math.round(claims / 20)) };
}

/** A ledger that has been in use for years: most claims decided, few still in draft. */
export const LEDGER_STATUS_MIX = [
  ["DRAFT", 0.12],
  ["SUBMITTED", 0.08],
  ["RETURNED", 0.04],
  ["DISPUTED", 0.03],
  ["VERIFIED", 0.73],
] as const;

export const RATING_MIX = [
  ["TRUE", 0.4],
  ["MOSTLY_TRUE", 0.2],
  ["MISLEADING", 0.15],
  ["FALSE", 0.15],
  ["UNVERIFIABLE", 0.1],
] as const;

export const QUALIFIER_MIX = [
  ["EXACT", 0.55],
  ["APPROXIMATELY", 0.15],
  ["AT_LEAST", 0.06],
  ["MORE_THAN", 0.1],
  ["LESS_THAN", 0.04],
  ["UP_TO", 0.05],
  ["VAGUE", 0.05],
] as const;

/** Shares of claims with a claimant, an event date, a note, a group; deleted claims. */
export const SHARES = { claimant: 0.78, eventDate: 0.8, note: 0.35, placeInNote: 0.5, group: 0.06, deleted: 0.01, range: 0.08 } as const;

export const OUTLETS = [
  "Azattyq",
  "Kazinform",
  "Tengrinews",
  "Zakon.kz",
  "Orda.kz",
  "Vlast.kz",
  "Kursiv",
  "Informburo",
  "Egemen Qazaqstan",
  "Ana tili",
  "Jas Alash",
  "Khabar 24",
  "KTK",
  "Abai.kz",
  "Qamshy",
  "Ult.kz",
  "Baq.kz",
  "Massaget",
  "Turkystan",
  "Inbusiness.kz",
];

const ORGANISATIONS = [
  "Ішкі істер министрлігі",
  "Бас прокуратура",
  "Орталық сайлау комиссиясы",
  "Денсаулық сақтау министрлігі",
  "Ұлттық статистика бюросы",
  "Қаржы министрлігі",
  "Ұлттық банк",
  "Жоғарғы сот",
  "Алматы қалалық соты",
  "Астана қаласы әкімдігі",
  "Алматы қаласы әкімдігі",
  "Төтенше жағдайлар министрлігі",
  "Ұлттық қауіпсіздік комитеті",
  "Сыбайлас жемқорлыққа қарсы агенттік",
  "Еңбек және халықты әлеуметтік қорғау министрлігі",
  "Білім министрлігі",
  "Ауыл шаруашылығы министрлігі",
  "Энергетика министрлігі",
  "Адам құқықтары жөніндегі уәкіл",
  "Адам құқықтары бюросы",
  "Ерікті бақылаушылар",
  "Сайлау штабы",
  "Парламент Мәжілісі",
  "Сенат",
  "Президент әкімшілігі",
  "Үкімет",
  "Полиция департаменті",
  "Қылмыстық-атқару жүйесі комитеті",
  "Қаржылық мониторинг агенттігі",
  "Бәсекелестікті қорғау агенттігі",
  "Жастар ресурстық орталығы",
  "Журналистер одағы",
  "Әділ сөз қоры",
  "Кәсіподақтар федерациясы",
  "Атамекен палатасы",
  "Мұнайшылар кәсіподағы",
  "Ата-аналар комитеті",
  "Тұрғындар бастамашыл тобы",
  "Облыстық мәслихат",
  "Аудандық әкімдік",
];
const FIRST_NAMES = ["Нұрлан", "Әйгерім", "Дәурен", "Бақыт", "Гүлнар", "Ерлан", "Айгүл", "Асқар", "Жанар", "Серік", "Динара", "Мұрат", "Сәуле", "Қайрат", "Ләззат", "Ержан", "Аружан", "Талғат", "Мәдина", "Бауыржан"];
const SURNAMES = ["Омаров", "Сейітов", "Жұмабаев", "Ахметов", "Қасымов", "Нұрмағамбетов", "Есенов", "Тұрсынов"];

/** ~200 claimants: the organisations, then people (surname agreeing with the first name's gender). */
export function claimants(): string[] {
  const female = new Set(["Әйгерім", "Гүлнар", "Айгүл", "Жанар", "Динара", "Сәуле", "Ләззат", "Аружан", "Мәдина"]);
  const people = FIRST_NAMES.flatMap((first) => SURNAMES.map((s) => `${first} ${female.has(first) ? `${s}а` : s}`));
  return [...ORGANISATIONS, ...people];
}

/** Places notes name, most-mentioned first: their weights fall as 1/rank², a long tail. */
export const PLACES = [
  "Алматы", "Астана", "Шымкент", "Қарағанды", "Ақтөбе", "Тараз", "Павлодар", "Өскемен", "Семей", "Атырау",
  "Қостанай", "Қызылорда", "Орал", "Петропавл", "Ақтау", "Теміртау", "Түркістан", "Көкшетау", "Талдықорған", "Екібастұз",
  "Рудный", "Жезқазған", "Жаңаөзен", "Балқаш", "Кентау", "Сәтбаев", "Қаскелең", "Талғар", "Есік", "Қонаев",
  "Сарыағаш", "Арыс", "Шардара", "Жетісай", "Ленгер", "Байқоңыр", "Арал", "Зайсан", "Шемонаиха", "Риддер",
  "Аягөз", "Үшарал", "Жаркент", "Текелі", "Үштөбе", "Сарқан", "Лепсі", "Қордай", "Меркі", "Жаңатас",
  "Қаратау", "Ембі", "Хромтау", "Шалқар", "Қандыағаш", "Құлсары", "Мақат", "Форт-Шевченко", "Бейнеу", "Шетпе",
];

const NOTE_OPENINGS = [
  "Ресми дерек жоқ",
  "Құқық қорғаушылар хабарлады",
  "Дереккөз екі түрлі сан келтіреді",
  "Сот құжатымен салыстырылды",
  "Министрлік жауабын күтеміз",
  "Куәгерлердің айтуынша",
  "Статистика бюросының кестесінде басқа сан",
  "Бақылаушылар хаттамасы бойынша",
];

function seedTexts(): string[] {
  return readdirSync(SEED_TEXTS_DIR)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => readFileSync(path.join(SEED_TEXTS_DIR, f), "utf8").replace(/\n+$/, ""));
}

/** Windows of 2–12 consecutive words within one line of each text: what a claim quotes. */
function quoteWindows(texts: string[]): { text: number; start: number; end: number }[] {
  const windows: { text: number; start: number; end: number }[] = [];
  texts.forEach((text, t) => {
    let offset = 0;
    for (const line of text.split("\n")) {
      const words = [...line.matchAll(/\S+/g)].map((m) => ({ start: offset + m.index!, end: offset + m.index! + m[0].length }));
      for (let i = 0; i < words.length; i++)
        for (let n = 2; n <= 12 && i + n <= words.length; n += 2) windows.push({ text: t, start: words[i].start, end: words[i + n - 1].end });
      offset += line.length + 1;
    }
  });
  return windows;
}

/** Every word of the corpus, lower-cased as the search lower-cases it, with its count. */
export function corpusWordCounts(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of seedTexts().join("\n").toLocaleLowerCase("kk").match(/[\p{L}\p{N}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

function cumulativeCase(column: string, mix: readonly (readonly [string, number])[], type: string): string {
  let acc = 0;
  const arms = mix.slice(0, -1).map(([name, share]) => {
    acc += share;
    return `WHEN ${column} < ${acc.toFixed(4)} THEN '${name}'::"${type}"`;
  });
  return `CASE ${arms.join(" ")} ELSE '${mix.at(-1)![0]}'::"${type}" END`;
}

/** Cumulative weights ∝ 1/rank^power, as an SQL array literal for a `width_bucket`-style draw. */
function zipfBounds(n: number, power: number): number[] {
  const weights = Array.from({ length: n }, (_, i) => 1 / (i + 1) ** power);
  const total = weights.reduce((a, b) => a + b, 0);
  let acc = 0;
  return weights.map((w) => (acc += w / total));
}

/** 1-based index into a Zipf-weighted list for a uniform draw `r`. */
const zipfPick = (r: string, bounds: number[]) => `least(width_bucket(${r}, ARRAY[0, ${bounds.slice(0, -1).map((b) => b.toFixed(8)).join(", ")}]::float8[]), ${bounds.length})`;

export interface GeneratedLedger {
  seconds: Record<string, number>;
}

export async function generateLedgerData(databaseUrl: string, shape: LedgerDataShape, log: (line: string) => void): Promise<GeneratedLedger> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seconds: Record<string, number> = {};
  const q = async (label: string, sql: string, params: unknown[] = []) => {
    const t0 = performance.now();
    const result = await client.query(sql, params);
    seconds[label] = (performance.now() - t0) / 1000;
    log(`  ${label}: ${result.rowCount ?? 0} rows, ${seconds[label].toFixed(1)} s`);
    return result;
  };
  try {
    await client.query("SELECT setseed(0.1991)");
    // Index builds after the load are the bulk of the time; give them memory and both cores.
    await client.query("SET maintenance_work_mem = '512MB'");
    await client.query("SET max_parallel_maintenance_workers = 2");

    // The bcrypt hash of nothing anyone types; nobody signs in here.
    const hash = "$2b$10$benchbenchbenchbenchbeuT0yDJ3NQ0WfYbCkqVtM3S7Zx6h9m4xa";
    const people = claimants().slice(ORGANISATIONS.length);
    await q(
      "users",
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "createdAt", "updatedAt")
       SELECT uuidv7(-interval '7 years'), kind || i || '@bench.local', ($2::text[])[1 + (i * 7 + k.offs) % array_length($2::text[], 1)],
              $1, role::"Role", now() - interval '7 years', now() - interval '7 years'
       FROM (VALUES ('editor', 'EDITOR', $3::int - 2, 0), ('admin', 'ADMIN', 2, 3), ('reviewer', 'REVIEWER', $4::int, 11)) k(kind, role, n, offs),
            generate_series(1, n) i`,
      [hash, people, shape.editors, shape.reviewers],
    );

    // Articles: the five seed texts in turn, each with its number appended so no two are equal
    // (Article.contentHash is unique), published over the past six years.
    const texts = seedTexts();
    const outletBounds = zipfBounds(shape.outlets, 1);
    const t0 = performance.now();
    for (let from = 0; from < shape.articles; from += 250) {
      const n = Math.min(250, shape.articles - from);
      const bodies = Array.from({ length: n }, (_, k) => `${texts[(from + k) % texts.length]}\n(${from + k + 1})`);
      await client.query(
        `INSERT INTO "Article" (id, title, outlet, "bodyJson", "bodyText", "contentHash", "createdById", "createdAt", "updatedAt", "publishedAt")
         SELECT uuidv7(-t.age), left(split_part(t.body, E'\n', 1), 80) || ' — ' || t.no, ($4::text[])[${zipfPick("random()", outletBounds)}],
                t.doc, t.body, t.hash, (SELECT id FROM "User" WHERE role = 'EDITOR' ORDER BY email LIMIT 1 OFFSET t.no % 10),
                now() - t.age, now() - t.age, (now() - t.age)::date
         FROM (SELECT u.*, $5::int + u.k AS no, interval '6 years' * (1 - ($5::int + u.k)::float8 / $6::int) AS age
               FROM unnest($1::text[], $2::jsonb[], $3::text[]) WITH ORDINALITY u(body, doc, hash, k)) t`,
        [bodies, bodies.map((b) => JSON.stringify(plainTextToDoc(b))), bodies.map(contentHash), OUTLETS.slice(0, shape.outlets), from, shape.articles],
      );
    }
    seconds.articles = (performance.now() - t0) / 1000;
    log(`  articles: ${shape.articles} rows, ${seconds.articles.toFixed(1)} s`);

    await q(
      "claim groups",
      `INSERT INTO "ClaimGroup" (id, label, status, "createdAt", "updatedAt")
       SELECT uuidv7(-interval '1 day' * i), 'Топ ' || i, CASE WHEN random() < 0.6 THEN 'CONFIRMED' ELSE 'PROPOSED' END::"ClaimGroupStatus", now() - interval '1 day', now()
       FROM generate_series(1, $1::int) i`,
      [shape.groups],
    );

    // The passages claims quote, and the notes' raw material.
    const windows = quoteWindows(texts);
    await client.query(`CREATE TEMP TABLE win (text_no int, k int, s int, e int, PRIMARY KEY (text_no, k))`);
    await q(
      "quote windows",
      `INSERT INTO win SELECT t, row_number() OVER (PARTITION BY t ORDER BY o), s, e FROM unnest($1::int[], $2::int[], $3::int[]) WITH ORDINALITY u(t, s, e, o)`,
      [windows.map((w) => w.text), windows.map((w) => w.start), windows.map((w) => w.end)],
    );
    await client.query(`CREATE TEMP TABLE art AS
      SELECT row_number() OVER (ORDER BY md5(a.id::text)) AS n, a.id, a."createdAt", a."bodyText", a.outlet,
             (regexp_match(a."bodyText", '\\((\\d+)\\)$'))[1]::int AS no, w.cnt
      FROM "Article" a
      CROSS JOIN LATERAL (SELECT count(*)::int AS cnt FROM win WHERE win.text_no = ((regexp_match(a."bodyText", '\\((\\d+)\\)$'))[1]::int - 1) % ${texts.length}) w`);
    await client.query(`CREATE INDEX ON art (n)`);
    // Small lookup tables rather than arrays carried on every generated row.
    await client.query(`CREATE TEMP TABLE au AS SELECT row_number() OVER (ORDER BY email)::int AS n, id FROM "User" WHERE role IN ('EDITOR', 'ADMIN')`);
    await client.query(`CREATE TEMP TABLE grp AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM "ClaimGroup"`);
    await client.query(`ALTER TABLE au ADD PRIMARY KEY (n); ALTER TABLE grp ADD PRIMARY KEY (n)`);

    // Bulk load: the Claim and Review indexes are dropped and rebuilt after the insert (one sort per
    // index instead of a million inserts into each), and foreign-key triggers are skipped for the
    // load (every reference is drawn from rows that exist; checked below).
    const { rows: indexes } = await client.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename IN ('Claim', 'Review', 'ClaimSource') AND indexname NOT LIKE '%_pkey'`,
    );
    for (const index of indexes) await client.query(`DROP INDEX ${pg.escapeIdentifier(index.name)}`);
    await client.query("SET session_replication_role = replica");

    const claimantList = claimants();
    const claimantBounds = zipfBounds(claimantList.length, 1.1);
    const placeBounds = zipfBounds(PLACES.length, 2);
    await q(
      "Claim",
      `WITH pools AS (
         SELECT (SELECT count(*) FROM au)::int AS authors, (SELECT count(*) FROM grp)::int AS groups, (SELECT count(*) FROM art)::int AS arts
       ), d AS (
         SELECT i, random() AS r_art, random() AS r_age, random() AS r_author, random() AS r_cat, random() AS r_status,
                random() AS r_rating, random() AS r_qual, random() AS r_val, random() AS r_range, random() AS r_win,
                random() AS r_claimant, random() AS r_has_claimant, random() AS r_event, random() AS r_has_event,
                random() AS r_note, random() AS r_note_kind, random() AS r_place, random() AS r_note_win, random() AS r_group,
                random() AS r_has_group, random() AS r_deleted, random() AS r_upd
         FROM generate_series(1, $1::int) i
       ), s AS (
         SELECT d.*,
                1 + floor(power(d.r_author, 1.3) * p.authors)::int AS author_n,
                CASE WHEN d.r_has_group < ${SHARES.group} THEN 1 + floor(d.r_group * p.groups)::int END AS group_n,
                -- Some articles carry many claims (a court verdict, an election night), most a few hundred.
                1 + floor(power(d.r_art, 1.6) * p.arts)::int AS art_n,
                ${cumulativeCase("d.r_cat", CATEGORY_MIX, "ClaimCategory")} AS category,
                ${cumulativeCase("d.r_status", LEDGER_STATUS_MIX, "ClaimStatus")} AS status,
                ${cumulativeCase("d.r_qual", QUALIFIER_MIX, "Qualifier")} AS qualifier
         FROM d, pools p
       ), f AS (
         SELECT s.*, a.id AS article_id, a.outlet AS article_outlet, a."bodyText" AS body, (a.no - 1) % ${texts.length} AS text_no, a.cnt,
                -- Claims are tagged in the month after the article appears (never in the future).
                least(a."createdAt" + interval '30 days' * power(s.r_age, 3), now() - interval '1 minute') AS created,
                CASE s.category
                  WHEN 'MONEY' THEN round(power(10, 3 + 8 * s.r_val)::numeric, -2)
                  WHEN 'DETENTION_COUNT' THEN round(power(10, 4 * s.r_val)::numeric)
                  WHEN 'CASUALTIES' THEN round(power(10, 3.5 * s.r_val)::numeric)
                  WHEN 'VOTE_SHARE' THEN round((100 * s.r_val)::numeric, 1)
                  WHEN 'TURNOUT' THEN round((30 + 60 * s.r_val)::numeric, 1)
                  WHEN 'SEAT_COUNT' THEN 1 + floor(107 * s.r_val)::numeric
                  WHEN 'SENTENCE_LENGTH' THEN 1 + floor(25 * s.r_val)::numeric
                  WHEN 'DATE' THEN 1991 + floor(35 * s.r_val)::numeric
                  ELSE round(power(10, 6 * s.r_val)::numeric)
                END AS figure
         FROM s JOIN art a ON a.n = s.art_n
       )
       INSERT INTO "Claim" (id, "articleId", start, "end", quote, category, value, min, max, unit, qualifier, claimant, "eventDate", note,
                            status, rating, version, "authorId", "groupId", "queuedAt", "createdAt", "updatedAt", "deletedAt", outlet)
       SELECT uuidv7(f.created - now()), f.article_id, w.s, w.e, substr(f.body, w.s + 1, w.e - w.s), f.category,
              CASE WHEN f.qualifier = 'VAGUE' OR f.r_range < ${SHARES.range} THEN NULL ELSE f.figure END,
              -- Of the ranges, three quarters have both ends, an eighth only a minimum, an eighth only a maximum.
              CASE WHEN f.qualifier <> 'VAGUE' AND f.r_range < ${SHARES.range * 0.875} THEN round(f.figure * 0.8, 1) END,
              CASE WHEN f.qualifier <> 'VAGUE' AND (f.r_range < ${SHARES.range * 0.75} OR f.r_range BETWEEN ${SHARES.range * 0.875} AND ${SHARES.range}) THEN round(f.figure * 1.2, 1) END,
              CASE WHEN f.category IN ('DETENTION_COUNT', 'CASUALTIES') THEN 'адам' WHEN f.category = 'MONEY' THEN 'теңге'
                   WHEN f.category IN ('VOTE_SHARE', 'TURNOUT') THEN 'пайыз' WHEN f.category = 'SEAT_COUNT' THEN 'орын'
                   WHEN f.category = 'SENTENCE_LENGTH' THEN 'жыл' END,
              f.qualifier,
              CASE WHEN f.r_has_claimant < ${SHARES.claimant} THEN ($2::text[])[${zipfPick("f.r_claimant", claimantBounds)}] END,
              -- Events up to about four years before the claim, most of them recent.
              CASE WHEN f.r_has_event < ${SHARES.eventDate} THEN (f.created - interval '1500 days' * power(f.r_event, 3))::date END,
              CASE WHEN f.r_note < ${SHARES.note} THEN
                CASE WHEN f.r_note_kind < ${SHARES.placeInNote}
                     THEN ($3::text[])[${zipfPick("f.r_place", placeBounds)}] || ' бойынша: ' || substr(f.body, nw.s + 1, nw.e - nw.s)
                     ELSE ($4::text[])[1 + floor(f.r_note_kind * ${NOTE_OPENINGS.length})::int] || '. ' || substr(f.body, nw.s + 1, nw.e - nw.s) END
              END,
              f.status,
              CASE WHEN f.status = 'VERIFIED' THEN ${cumulativeCase("f.r_rating", RATING_MIX, "Rating")} END,
              CASE WHEN f.status = 'DRAFT' THEN 1 ELSE 3 END,
              au.id,
              grp.id,
              CASE WHEN f.status IN ('SUBMITTED', 'DISPUTED') THEN f.created + interval '2 days' * f.r_upd END,
              f.created,
              least(f.created + interval '2 days' * f.r_upd, now()),
              CASE WHEN f.r_deleted < ${SHARES.deleted} THEN least(f.created + interval '1 day', now()) END,
              -- The trigger that copies it does not fire during this load (session_replication_role).
              f.article_outlet
       FROM f
       JOIN win w ON w.text_no = f.text_no AND w.k = 1 + floor(f.r_win * f.cnt)::int
       JOIN win nw ON nw.text_no = f.text_no AND nw.k = 1 + floor(f.r_note_win * f.cnt)::int
       JOIN au ON au.n = f.author_n
       LEFT JOIN grp ON grp.n = f.group_n`,
      [shape.claims, claimantList, PLACES, NOTE_OPENINGS],
    );

    // A decision for every decided claim, a few days after it was tagged; a tenth of the verified
    // claims were returned once by another reviewer first.
    await q(
      "Review",
      `WITH revs AS (SELECT array_agg(id ORDER BY email) AS ids FROM "User" WHERE role = 'REVIEWER'),
       d AS (
         SELECT c.id, c.status, c.rating, c."createdAt", random() AS r_rev, random() AS r_at, random() AS r_twice, revs.ids
         FROM "Claim" c, revs WHERE c.status IN ('VERIFIED', 'RETURNED', 'DISPUTED')
       ), picked AS (
         SELECT d.*, 1 + floor(power(d.r_rev, 1.4) * array_length(d.ids, 1))::int AS rev_n,
                least(d."createdAt" + interval '5 days' * d.r_at + interval '1 hour', now()) AS decided
         FROM d
       )
       INSERT INTO "Review" (id, "claimId", "reviewerId", decision, rating, comment, "createdAt")
       SELECT uuidv7(x.at - now()), x.id, x.reviewer, x.decision, x.rating, x.comment, x.at FROM (
         SELECT p.id, p.ids[p.rev_n] AS reviewer,
                CASE p.status WHEN 'VERIFIED' THEN 'APPROVED' WHEN 'RETURNED' THEN 'RETURNED' ELSE 'DISPUTED' END::"ReviewDecision" AS decision,
                p.rating, CASE WHEN p.status <> 'VERIFIED' THEN 'Дереккөзді тексеріңіз: сан басқа.' END AS comment, p.decided AS at
         FROM picked p
         UNION ALL
         SELECT p.id, p.ids[1 + p.rev_n % array_length(p.ids, 1)], 'RETURNED'::"ReviewDecision", NULL, 'Сан дереккөзбен сәйкес емес.',
                p."createdAt" + (p.decided - p."createdAt") / 2
         FROM picked p WHERE p.status = 'VERIFIED' AND p.r_twice < 0.1
       ) x ORDER BY x.at`,
    );
    // Sources as editors cite them: official statements, court papers, NGO reports, other media,
    // shared between claims (one ministry statement backs many figures); most claims that left
    // draft cite one, some two.
    await q(
      "Source",
      `INSERT INTO "Source" (id, url, title, publisher, kind, "accessedAt", "createdAt", "updatedAt")
       SELECT uuidv7(-interval '1 hour' * i), 'https://' || (ARRAY['gov.kz', 'sot.gov.kz', 'kibhr.org', 'azattyq.org', 'stat.gov.kz', 'election.gov.kz'])[1 + i % 6] || '/doc/' || i,
              (ARRAY['Ресми мәлімдеме', 'Сот үкімі', 'Құқық қорғаушылар есебі', 'Баспасөз хабары', 'Статистика бюллетені', 'Сайлау хаттамасы'])[1 + i % 6] || ' №' || i,
              (ARRAY['Үкімет', 'Сот', 'Адам құқықтары бюросы', 'Азаттық', 'Ұлттық статистика бюросы', 'ОСК'])[1 + i % 6],
              (ARRAY['OFFICIAL_STATEMENT', 'COURT_DOCUMENT', 'NGO_REPORT', 'MEDIA_REPORT', 'OFFICIAL_STATEMENT', 'OFFICIAL_STATEMENT'])[1 + i % 6]::"SourceKind",
              (now() - interval '1 hour' * i)::date, now() - interval '1 hour' * i, now() - interval '1 hour' * i
       FROM generate_series(1, $1::int) i`,
      [shape.sources],
    );
    await client.query(`CREATE TEMP TABLE src AS SELECT row_number() OVER (ORDER BY id)::int AS n, id FROM "Source"`);
    await client.query(`ALTER TABLE src ADD PRIMARY KEY (n)`);
    await q(
      "ClaimSource",
      `WITH c AS (
         SELECT c.id, c."createdAt", 1 + floor(random() * $1::int)::int AS first, 1 + floor(random() * ($1::int - 1))::int AS step,
                random() AS r_two, random() AS r_has, random() AS r_stance
         FROM "Claim" c WHERE c.status <> 'DRAFT'
       )
       INSERT INTO "ClaimSource" ("claimId", "sourceId", stance, passage, "createdAt")
       SELECT c.id, src.id, CASE WHEN c.r_stance < 0.8 THEN 'SUPPORTS' WHEN c.r_stance < 0.9 THEN 'CONTRADICTS' ELSE 'CONTEXT' END::"Stance",
              'Құжаттың 2-бетінде келтірілген сан', c."createdAt"
       FROM c JOIN src ON src.n = c.first WHERE c.r_has < 0.95
       UNION ALL
       -- a second, different source: \`first + step\` wraps around and never lands on \`first\`
       SELECT c.id, src.id, 'CONTEXT'::"Stance", NULL, c."createdAt"
       FROM c JOIN src ON src.n = 1 + (c.first - 1 + c.step) % $1::int WHERE c.r_has < 0.95 AND c.r_two < 0.3`,
      [shape.sources],
    );
    await client.query("SET session_replication_role = DEFAULT");

    // The checks the skipped triggers would have made, at once.
    const { rows: orphans } = await client.query<{ n: number }>(
      `SELECT (SELECT count(*) FROM "Claim" c WHERE NOT EXISTS (SELECT 1 FROM "Article" a WHERE a.id = c."articleId"))
            + (SELECT count(*) FROM "Claim" c WHERE NOT EXISTS (SELECT 1 FROM "User" u WHERE u.id = c."authorId"))
            + (SELECT count(*) FROM "Claim" c WHERE c."groupId" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "ClaimGroup" g WHERE g.id = c."groupId"))
            + (SELECT count(*) FROM "Review" r WHERE NOT EXISTS (SELECT 1 FROM "Claim" c WHERE c.id = r."claimId"))
            + (SELECT count(*) FROM "ClaimSource" s WHERE NOT EXISTS (SELECT 1 FROM "Source" x WHERE x.id = s."sourceId"))
            + (SELECT count(*) FROM "Claim" c JOIN "Article" a ON a.id = c."articleId" WHERE c.outlet IS DISTINCT FROM a.outlet) AS n`,
    );
    if (Number(orphans[0].n) !== 0) throw new Error(`${orphans[0].n} rows reference nothing or lack their article's outlet`);

    const i0 = performance.now();
    for (const index of indexes) {
      const t = performance.now();
      await client.query(index.def);
      log(`  index ${index.name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    }
    seconds.indexes = (performance.now() - i0) / 1000;

    // What the skipped triggers keep for exports, filled as their migrations fill stored data: the
    // read model of sources and approvals, then every claim's stored lines, stale.
    const r0 = performance.now();
    // In slices: the function matches its claims with = ANY(array), which over all of them at once
    // is a comparison per claim and element.
    const { rows: linked } = await client.query<{ id: string }>(`SELECT "claimId" AS id FROM "ClaimSource" UNION SELECT "claimId" FROM "Review"`);
    for (let i = 0; i < linked.length; i += 5_000) {
      await client.query(`SELECT "derek_refresh_claim_export_details"($1::uuid[])`, [linked.slice(i, i + 5_000).map((row) => row.id)]);
    }
    for (const table of ["ClaimExportCsvLine", "ClaimExportClaimReviewLine", "ClaimExportAnnotationLine", "ClaimJsonlLine"]) {
      await client.query(`INSERT INTO "${table}" ("claimId") SELECT "id" FROM "Claim"`);
    }
    await client.query(`INSERT INTO "ArticleJsonlLine" ("articleId") SELECT "id" FROM "Article" ON CONFLICT DO NOTHING`);
    seconds.exportReadModels = (performance.now() - r0) / 1000;
    log(`  export read models: ${seconds.exportReadModels.toFixed(1)} s`);
    await client.query("DROP TABLE win, art, au, grp, src");
    await q("VACUUM ANALYZE", "VACUUM (ANALYZE)");
    return { seconds };
  } finally {
    await client.end();
  }
}
