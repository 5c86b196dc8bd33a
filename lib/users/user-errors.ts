/** A refusal whose message is meant for the person who asked, optionally tied to a form field. */
export class UserInputError extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
    this.name = "UserInputError";
  }
}
