/** The fields that say what a claim asserts: its category and its figure as read. */
export const CLAIM_FIGURE_FIELDS = {
  category: true,
  value: true,
  min: true,
  max: true,
  unit: true,
  qualifier: true,
  claimant: true,
} as const;

/** A claim's sources as the panels show them, in the order they were added. */
export const CLAIM_SOURCES_SELECT = {
  orderBy: { createdAt: "asc" },
  select: {
    stance: true,
    passage: true,
    note: true,
    source: { select: { id: true, url: true, title: true, publisher: true, kind: true, archivedUrl: true } },
  },
} as const;
