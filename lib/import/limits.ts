/**
 * Upload limits. A long news article is 20–60 KB of UTF-8; 2 MB leaves room for a .docx with
 * embedded images (mammoth drops them) while keeping a request's memory bounded.
 */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/** Files one bulk upload may hold; the form refuses more before sending anything. */
export const MAX_FILES_PER_UPLOAD = 20;
/**
 * Pasted text goes through a server action, whose request body Next.js caps at 1 MB by default.
 * Kazakh Cyrillic is two bytes a character in UTF-8, so 200,000 characters stays well under it.
 */
export const MAX_PASTE_CHARS = 200_000;

export const formatBytes = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/**
 * What a .docx may unpack to, read from its zip directory before anything is inflated. A long
 * article's document.xml is under 1 MB; 20 MB leaves room for styles, numbering and many images.
 */
export const MAX_DOCX_UNPACKED_BYTES = 20 * 1024 * 1024;
/**
 * Word's XML compresses about 5–20 to 1 and images not at all; a large part that shrank more than
 * 100 to 1 is a zip bomb. Parts under 1 MB unpacked are let through whatever their ratio.
 */
export const MAX_DOCX_PART_RATIO = 100;
export const DOCX_RATIO_CHECKED_ABOVE_BYTES = 1024 * 1024;
/** Parts in one .docx; Word writes a few dozen, plus one per image. */
export const MAX_DOCX_PARTS = 5_000;

/**
 * Elements nested inside each other (HTML tags, Markdown quotes and lists). News articles nest a
 * handful deep; past this the sanitiser and the Markdown reader slow down with the square of the depth.
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * Claim suggestions per article. Real articles have fewer than 200 figures; a text with more than
 * ten times that is a table dump or a hostile file, and storing a million suggestions stalls the
 * server, so it is refused before anything is stored.
 */
export const MAX_SUGGESTIONS_PER_ARTICLE = 2_000;

/**
 * The conversion workers (lib/import/off-thread). One worker on a two-core server leaves the other
 * core to the requests; a few tasks may wait behind it, and a burst beyond that is told to retry.
 * A 2 MB article reads in about a second, so 20 seconds only ever stops hostile input.
 */
export const CONVERSION_WORKERS = 1;
export const CONVERSION_QUEUE = 8;
export const CONVERSION_TIME_LIMIT_MS = 20_000;
export const CONVERSION_MEMORY_MB = 256;
