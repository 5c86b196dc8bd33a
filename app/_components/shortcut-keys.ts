/**
 * Which shortcut a key press is, by the physical key (`event.code`) rather than the character it
 * types: with the keyboard in Kazakh or Russian, the key printed "t" types "е", and the digit row
 * of the Kazakh layout types letters (ә, і, ң, …). Shortcuts are named by the key as printed on a
 * US keyboard.
 */

/** The fields of a KeyboardEvent a shortcut looks at. */
export type KeyPress = Pick<KeyboardEvent, "key" | "code" | "ctrlKey" | "metaKey" | "altKey" | "shiftKey">;

const noChord = (event: KeyPress) => !event.ctrlKey && !event.metaKey && !event.altKey;

/**
 * A letter key without modifiers, wherever the layout puts the letter. Events without a `code`
 * (some on-screen keyboards) fall back to the character.
 */
export const letterKey = (letter: string) => {
  const code = `Key${letter.toUpperCase()}`;
  const character = letter.toLowerCase();
  return (event: KeyPress) => noChord(event) && !event.shiftKey && (event.code ? event.code === code : event.key === character);
};

/** The digit 1–9 of the digit row (or the number pad) that was pressed without modifiers, else null. */
export function digitKey(event: KeyPress): number | null {
  if (!noChord(event) || event.shiftKey) return null;
  const physical = /^(?:Digit|Numpad)([1-9])$/.exec(event.code);
  if (physical) return Number(physical[1]);
  return !event.code && /^[1-9]$/.test(event.key) ? Number(event.key) : null;
}

/**
 * "?": the character, wherever the layout puts it (Shift+7 in Russian), or Shift with the key
 * that is "/" on a US keyboard (the Russian layout types "," there).
 */
export const questionMarkKey = (event: KeyPress) => noChord(event) && (event.key === "?" || (event.code === "Slash" && event.shiftKey));

/** "/": the character, or the key that is "/" on a US keyboard (the Russian layout types "." there). */
export const slashKey = (event: KeyPress) => noChord(event) && !event.shiftKey && (event.key === "/" || event.code === "Slash");
