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
