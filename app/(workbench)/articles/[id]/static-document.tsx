import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { useMemo, useState, useSyncExternalStore } from "react";
import { RangeSweep } from "@/lib/document/range-sweep";
import { toProseMirrorDoc } from "@/lib/document/schema";
import { getTextIndex } from "@/lib/document/text-index";
import type { Highlight } from "./claim-decorations";

/** A highlight as the static text draws it: its title is the editor's to add. */
export type StaticHighlight = Omit<Highlight, "title">;

const BLOCK_TAG: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  codeBlock: "pre",
};

/** A highlight placed in the document, with the tag that opens its span written once. */
type Placed = { from: number; to: number; open: string };

const MARKUP = /[&<>"']/;

/** Text for HTML: the five characters that could open markup or end an attribute. */
function escapeHtml(text: string): string {
  // Most of an article's words hold none of them: the common case is one scan, no copy.
  return MARKUP.test(text) ? text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`) : text;
}

function openMark(mark: Mark): [string, string] | null {
  const name = mark.type.name;
  if (name === "bold") return ["<strong>", "</strong>"];
  if (name === "italic") return ["<em>", "</em>"];
  if (name === "code") return ["<code>", "</code>"];
  if (name === "link" && typeof mark.attrs.href === "string" && /^https?:\/\//i.test(mark.attrs.href))
    return [`<a href="${escapeHtml(mark.attrs.href)}" rel="noopener noreferrer nofollow">`, "</a>"];
  return null;
}

/** The spans the editor's decorations draw (claim-decorations.ts): one per highlight, the earliest outermost. */
function highlighted(text: string, covering: readonly Placed[]): string {
  if (covering.length === 0) return escapeHtml(text);
  let open = "";
  for (const h of covering) open += h.open;
  return `${open}${escapeHtml(text)}${"</span>".repeat(covering.length)}`;
}

function renderChildren(parent: ProseMirrorNode, contentStart: number, sweep: RangeSweep<Placed>, out: string[]): void {
  parent.forEach((node, offset) => {
    const pos = contentStart + offset;
    if (node.isText) {
      const text = node.text ?? "";
      const marks = node.marks.map(openMark).filter((m) => m !== null);
      // Marks inside one another in the order the node lists them, the first innermost.
      for (let i = marks.length - 1; i >= 0; i--) out.push(marks[i][0]);
      for (const piece of sweep.cut(pos, pos + node.nodeSize)) out.push(highlighted(text.slice(piece.from - pos, piece.to - pos), piece.covering));
      for (const mark of marks) out.push(mark[1]);
      return;
    }
    if (node.type.name === "hardBreak") return void out.push("<br>");
    if (node.type.name === "horizontalRule") return void out.push("<hr>");
    const tag = node.type.name === "heading" ? `h${Math.min(Math.max(Number(node.attrs.level ?? 2), 1), 6)}` : (BLOCK_TAG[node.type.name] ?? "div");
    out.push(`<${tag}>`);
    renderChildren(node, pos + 1, sweep, out);
    out.push(`</${tag}>`);
  });
}

/** The article's markup with its highlights (see StaticDocument). */
export function staticDocumentHtml(content: JSONContent, highlights: readonly StaticHighlight[]): string {
  const doc = toProseMirrorDoc(content);
  const index = getTextIndex(doc);
  const placed: Placed[] = highlights
    .filter((h) => h.start < h.end && h.end <= index.text.length)
    .map((h) => ({ ...index.textRangeToPosRange(h), open: `<span class="${escapeHtml(h.className)}" data-${h.kind}-id="${escapeHtml(h.id)}">` }))
    .sort((a, b) => a.from - b.from || b.to - a.to);
  const out: string[] = [];
  renderChildren(doc, 0, new RangeSweep(placed), out);
  return out.join("");
}

/**
 * The article as plain markup with its highlights, rendered on the server, so the words and the
 * claims are on screen before the editor has loaded; the editor replaces it once it is ready.
 * Written as one string, so React neither renders nor hydrates the thousands of elements of a long
 * article one by one. Only what the document schema holds is rendered, every text and attribute is
 * escaped, and the highlights are placed by the same text index as the editor's.
 */
export function StaticDocument({ content, highlights }: { content: JSONContent; highlights: readonly StaticHighlight[] }) {
  // Hydrating the server's HTML, React keeps the markup it finds and does not compare it (hence
  // suppressHydrationWarning), so the browser does not write the same string again. Rendered
  // in the browser alone (a client-side navigation), the text is written here.
  const hydrating = useSyncExternalStore(subscribeToNothing, notHydrating, hydratingOrOnServer);
  const [drawnByServer] = useState(hydrating);
  const html = useMemo(
    () => (drawnByServer && typeof window !== "undefined" ? "" : staticDocumentHtml(content, highlights)),
    [drawnByServer, content, highlights],
  );
  return <div className="static-document" suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />;
}

// React asks for the server's snapshot on the server and while hydrating, for the other otherwise.
const subscribeToNothing = () => () => undefined;
const notHydrating = () => false;
const hydratingOrOnServer = () => true;
