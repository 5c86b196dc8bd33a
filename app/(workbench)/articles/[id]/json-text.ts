/**
 * A value that travels from the page to its client components as JSON text. React's payload walks
 * an object value by value on the server, and revives it value by value twice, for the server's
 * HTML and in the browser; a long string it passes through whole, and JSON.parse reads it at
 * native speed. The article's text and its 2,000 claims are tens of thousands of values.
 */
export type JsonText<T> = string & { readonly jsonOf: T };

export const toJsonText = <T>(value: T): JsonText<T> => JSON.stringify(value) as JsonText<T>;

export const fromJsonText = <T>(text: JsonText<T>): T => JSON.parse(text) as T;
