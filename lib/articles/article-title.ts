const MAX_TITLE_LENGTH = 300;

/** The first non-blank line of the text, for imports that come without a title. */
export function titleFromText(text: string): string {
  const firstLine = text.split("\n").find((line) => line.trim().length > 0)?.trim() ?? "";
  if (firstLine.length <= MAX_TITLE_LENGTH) return firstLine;
  const cut = firstLine.slice(0, MAX_TITLE_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > MAX_TITLE_LENGTH / 2 ? cut.slice(0, lastSpace) : cut}…`;
}
