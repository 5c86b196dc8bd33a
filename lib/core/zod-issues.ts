import type { ZodError } from "zod";
import { decodeCodedMessage, encodeCodedMessage, isMessageCode } from "./coded-text";
import { englishMessage } from "./english-messages";
import { DerekError } from "./errors";
import type { CodedMessage, MessageCode, MessageParams } from "./message-codes";

/** A zod issue as zod hands it over: its message is a code when a schema of lib/ wrote one. */
interface Issue {
  message: string;
  path: PropertyKey[];
  minimum?: unknown;
  maximum?: unknown;
  /** A refinement's own parameters (`refine(…, { error: code, params })`). */
  params?: unknown;
}


/**
 * A schema's rule as a coded message: schemas of lib/ give each rule a message code as its
 * `error`, and the bounds zod found (a too-short or too-long value) become its parameters, so
 * a catalog entry can say "at most {maximum}", as do a refinement's own `params`. A message that is
 * not a code (zod's own) is left out.
 */
export function codedIssue(issue: Issue): CodedMessage | null {
  const decoded = decodeCodedMessage(issue.message);
  if (typeof decoded !== "string") return decoded;
  if (!isMessageCode(issue.message)) return null;
  const params: MessageParams = {};
  if (issue.params && typeof issue.params === "object")
    for (const [name, value] of Object.entries(issue.params)) if (typeof value === "string" || typeof value === "number") params[name] = value;
  if (typeof issue.minimum === "number" || typeof issue.minimum === "bigint") params.minimum = Number(issue.minimum);
  if (typeof issue.maximum === "number" || typeof issue.maximum === "bigint") params.maximum = Number(issue.maximum);
  return { code: issue.message as MessageCode, params };
}

/** The field an issue belongs beside: its path, or undefined for the form as a whole. */
export function issueField(issue: Issue): string | undefined {
  return issue.path.map(String).join(".") || undefined;
}

/** An issue in English, for logs, scripts and the API's JSON. */
export function issueEnglish(issue: Issue): string {
  const coded = codedIssue(issue);
  return coded ? englishMessage(coded.code, coded.params) : issue.message;
}

/**
 * The first problem of a failed parse as a refusal beside its field, for an operation that
 * parses its own input (the same schema the form checks with).
 */
export function refusalFromZod(error: ZodError, fallback: MessageCode = "libApp.fieldsNeedAttention"): DerekError {
  const issue = error.issues[0];
  const coded = issue ? codedIssue(issue) : null;
  return new DerekError(coded?.code ?? fallback, { params: coded?.params, field: issue ? issueField(issue) : undefined });
}

/**
 * A rule's `error` for a bound the message names ("at most {maximum, number} characters"): the
 * code with zod's bound as one string, so a form checking in the browser, which sees only the
 * issue's message, words it as the server does.
 */
export function withBounds(code: MessageCode) {
  return (issue: { minimum?: unknown; maximum?: unknown }) => {
    const params: MessageParams = {};
    if (typeof issue.minimum === "number" || typeof issue.minimum === "bigint") params.minimum = Number(issue.minimum);
    if (typeof issue.maximum === "number" || typeof issue.maximum === "bigint") params.maximum = Number(issue.maximum);
    return encodeCodedMessage({ code, params });
  };
}
