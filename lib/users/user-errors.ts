/**
 * A refusal whose message is meant for the person who asked, optionally tied to a form field.
 * Server actions and route handlers show its message as it is; any other error is reported
 * without internals.
 */
export class UserInputError extends Error {
  constructor(message: string, readonly field?: string, readonly code: "invalid" | "conflict" | "not-found" = "invalid") {
    super(message);
    this.name = "UserInputError";
  }
}
