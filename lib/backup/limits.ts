/**
 * The largest backup accepted over the web. An export of 100,000 claims with their articles is a
 * few hundred MB; a larger instance is restored with `npm run restore -- FILE` on the server,
 * which has no limit. The upload form refuses a larger file before sending anything.
 */
export const MAX_BACKUP_UPLOAD_BYTES = 1024 * 1024 * 1024;
export const MAX_BACKUP_UPLOAD_TEXT = "1 GB";

/**
 * How deeply a record's JSON may nest. A ProseMirror document nests two levels per node (the
 * node and its content array): an imported article is a handful of levels deep, a list inside a
 * quote inside a list a dozen, and 1,000 leaves room for 500 nodes inside each other. Validation
 * and the document's checks recurse; measured, they exhaust the default stack between 600 and
 * 1,000 nested nodes, so a deeper record is refused by a count taken before any of them.
 */
export const MAX_RECORD_DEPTH = 1000;

/**
 * Records one file may hold. A restore keeps a few dozen bytes per claim and review until the
 * end (their lines and states, checked once every review is read); this bounds that memory well
 * under the server's heap. A full backup of 1,000,000 claims, each with a review or two, is
 * about 3,000,000 records.
 */
export const MAX_BACKUP_RECORDS = 5_000_000;
