import type { ExportRow } from "@/lib/export/export-rows";

/** A verified claim as the export query returns it; tests change what they look at. */
export function exportRow(overrides: Partial<ExportRow> = {}): ExportRow {
  return {
    id: "0195f3a0-0000-7000-8000-000000000001",
    articleId: "0195f3a0-0000-7000-8000-0000000000a1",
    articleTitle: "Сайлау қорытындысы",
    outlet: "Azattyq",
    articleUrl: "https://www.azattyq.org/a/33000001.html",
    articlePublishedAt: "2026-03-20",
    articleLanguage: "kk",
    articleRevision: 2,
    quote: "63,3 пайыз",
    prefix: "сайлаушылардың ",
    suffix: " дауыс берді",
    start: 120,
    end: 130,
    anchorStatus: "ANCHORED",
    category: "TURNOUT",
    value: "63.300000",
    min: null,
    max: null,
    unit: "percent",
    qualifier: "EXACT",
    claimant: "Орталық сайлау комиссиясы",
    statement: null,
    eventDate: "2026-03-19",
    note: null,
    status: "VERIFIED",
    rating: "MOSTLY_TRUE",
    authorName: "Айгүл Сәрсенова",
    groupId: null,
    createdAt: "2026-03-21T08:00:00.000Z",
    updatedAt: "2026-03-22T10:30:00.000Z",
    approvedAt: "2026-03-22T10:30:00.000Z",
    approvedBy: "Марат Ержанов",
    sources: [
      {
        url: "https://election.kz/protocol",
        title: "ОСК хаттамасы",
        publisher: "ОСК",
        kind: "OFFICIAL_STATEMENT",
        archivedUrl: null,
        accessedAt: "2026-03-21",
        stance: "SUPPORTS",
        passage: "63,3%",
        note: null,
      },
    ],
    ...overrides,
  };
}

export async function* batches(...groups: ExportRow[][]): AsyncGenerator<ExportRow[]> {
  for (const group of groups) yield group;
}
