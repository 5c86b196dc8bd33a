import { englishMessage } from "./english-messages";
import type { CodedMessage, MessageCode, MessageParams } from "./message-codes";

/**
 * What kind of refusal: the edge turns it into an HTTP status (invalid 400, forbidden 403,
 * not-found 404, conflict 409, unprocessable 422, busy 503) and a form into its way out (a
 * "Reload" on a conflict).
 */
export type RefusalKind = "invalid" | "forbidden" | "not-found" | "conflict" | "unprocessable" | "busy";

export interface RefusalOptions {
  params?: MessageParams;
  /** The form field the message belongs beside. */
  field?: string;
  kind?: RefusalKind;
  /** Messages for several fields at once (a query with more than one bad parameter). */
  fieldErrors?: Record<string, FieldMessage>;
  cause?: unknown;
}

/** A field's message: coded, or a code or words as an area that builds them as text gives them. */
export type FieldMessage = CodedMessage | string;

/**
 * A refusal meant for the person who asked: a code with its parameters (translated where it is
 * shown) and, as `message`, the same in English. Server actions and route handlers show it;
 * any other error is reported without internals.
 */
export class DerekError extends Error implements CodedMessage {
  readonly code: MessageCode;
  readonly params: MessageParams;
  readonly field?: string;
  readonly kind: RefusalKind;
  readonly fieldErrors?: Record<string, FieldMessage>;

  constructor(code: MessageCode, options: RefusalOptions = {}) {
    super(englishMessage(code, options.params), options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "DerekError";
    this.code = code;
    this.params = options.params ?? {};
    this.field = options.field;
    this.kind = options.kind ?? "invalid";
    this.fieldErrors = options.fieldErrors;
  }

  /** The code and parameters alone, as they cross to the interface. */
  toCoded(): CodedMessage {
    return { code: this.code, params: this.params };
  }
}
