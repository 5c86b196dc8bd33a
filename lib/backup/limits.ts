/**
 * The largest backup accepted over the web. An export of 100,000 claims with their articles is a
 * few hundred MB; a larger instance is restored with `npm run restore -- FILE` on the server,
 * which has no limit. The upload form refuses a larger file before sending anything.
 */
export const MAX_BACKUP_UPLOAD_BYTES = 1024 * 1024 * 1024;
export const MAX_BACKUP_UPLOAD_TEXT = "1 GB";
