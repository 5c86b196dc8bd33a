import { describe, expect, it } from "vitest";
import { digitKey, letterKey, questionMarkKey, slashKey, type KeyPress } from "@/app/_components/shortcut-keys";

/** A key press as the browser reports it: `key` is what the layout types, `code` the physical key. */
function press(key: string, code: string, modifiers: Partial<Pick<KeyPress, "ctrlKey" | "metaKey" | "altKey" | "shiftKey">> = {}): KeyPress {
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...modifiers };
}

describe("letter shortcuts follow the physical key", () => {
  it("fires on the key printed t whether the layout types t, Russian е or Kazakh е", () => {
    expect(letterKey("t")(press("t", "KeyT"))).toBe(true);
    expect(letterKey("t")(press("е", "KeyT"))).toBe(true);
  });

  it("fires for j, k, e, s, u in the Russian layout (о, л, у, ы, г)", () => {
    const russian: [string, string, string][] = [["j", "о", "KeyJ"], ["k", "л", "KeyK"], ["e", "у", "KeyE"], ["s", "ы", "KeyS"], ["u", "г", "KeyU"]];
    for (const [letter, typed, code] of russian) expect(letterKey(letter)(press(typed, code))).toBe(true);
  });

  it("does not fire on another physical key that happens to type the letter", () => {
    // Dvorak types "t" on the key printed k: the shortcut is the key, not the character.
    expect(letterKey("t")(press("t", "KeyK"))).toBe(false);
    expect(letterKey("j")(press("j", "KeyC"))).toBe(false);
  });

  it("leaves chords and capitals to the browser", () => {
    expect(letterKey("t")(press("е", "KeyT", { ctrlKey: true }))).toBe(false);
    expect(letterKey("t")(press("е", "KeyT", { metaKey: true }))).toBe(false);
    expect(letterKey("t")(press("е", "KeyT", { altKey: true }))).toBe(false);
    expect(letterKey("t")(press("Е", "KeyT", { shiftKey: true }))).toBe(false);
  });

  it("falls back to the character when the event names no physical key", () => {
    expect(letterKey("t")(press("t", ""))).toBe(true);
    expect(letterKey("t")(press("е", ""))).toBe(false);
  });
});

describe("digits choose a category on any layout", () => {
  it("reads the digit row even where the Kazakh layout types letters on it", () => {
    expect(digitKey(press("1", "Digit1"))).toBe(1);
    expect(digitKey(press("ә", "Digit2"))).toBe(2);
    expect(digitKey(press("қ", "Digit9"))).toBe(9);
    expect(digitKey(press("4", "Numpad4"))).toBe(4);
  });

  it("ignores 0, modified digits and other keys", () => {
    expect(digitKey(press("0", "Digit0"))).toBeNull();
    expect(digitKey(press("!", "Digit1", { shiftKey: true }))).toBeNull();
    expect(digitKey(press("1", "Digit1", { ctrlKey: true }))).toBeNull();
    expect(digitKey(press("е", "KeyT"))).toBeNull();
  });
});

describe('"?" and "/"', () => {
  it('accepts "?" wherever the layout puts it', () => {
    expect(questionMarkKey(press("?", "Slash", { shiftKey: true }))).toBe(true); // US
    expect(questionMarkKey(press("?", "Digit7", { shiftKey: true }))).toBe(true); // Russian
    expect(questionMarkKey(press(",", "Slash", { shiftKey: true }))).toBe(true); // Russian, the US "?" key
  });

  it('does not take "/" or a chord for "?"', () => {
    expect(questionMarkKey(press("/", "Slash"))).toBe(false);
    expect(questionMarkKey(press("?", "Slash", { shiftKey: true, ctrlKey: true }))).toBe(false);
  });

  it('accepts "/" as typed or as the US "/" key in the Russian layout, not with Shift', () => {
    expect(slashKey(press("/", "Slash"))).toBe(true);
    expect(slashKey(press(".", "Slash"))).toBe(true);
    expect(slashKey(press("?", "Slash", { shiftKey: true }))).toBe(false);
    expect(slashKey(press("е", "KeyT"))).toBe(false);
  });
});
