/**
 * A refused export, with the HTTP status it answers with and a message for the person (or the
 * script) that asked. Nothing has been written or recorded when it is thrown.
 */
export class ExportRequestError extends Error {
  constructor(
    readonly status: 400 | 404 | 422 | 503,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = "ExportRequestError";
  }
}
