import { Marked } from "marked";

/** Our own instance, so no other code's `marked.use(...)` changes how articles are read. */
const markdown = new Marked({ gfm: true, breaks: false, async: false });

/** Markdown to HTML; the HTML is untrusted (Markdown may embed raw HTML) and is sanitised next. */
export function markdownToHtml(source: string): string {
  return markdown.parse(source) as string;
}
