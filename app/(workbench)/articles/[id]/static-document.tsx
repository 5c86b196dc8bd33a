import type { JSONContent } from "@tiptap/core";
import type { Mark, Node as ProseMirrorNode } from "@tiptap/pm/model";
import { createElement, Fragment, type ReactNode } from "react";
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

type Placed = StaticHighlight & { from: number; to: number };

function wrapInMarks(content: ReactNode, marks: readonly Mark[]): ReactNode {
  for (const mark of marks) {
    const name = mark.type.name;
    if (name === "bold") content = <strong>{content}</strong>;
    else if (name === "italic") content = <em>{content}</em>;
    else if (name === "code") content = <code>{content}</code>;
    else if (name === "link" && typeof mark.attrs.href === "string" && /^https?:\/\//i.test(mark.attrs.href))
      content = <a href={mark.attrs.href} rel="noopener noreferrer nofollow">{content}</a>;
  }
  return content;
}

/** The spans the editor's decorations draw (claim-decorations.ts): one per highlight, the earliest outermost. */
function wrapInHighlights(text: string, covering: readonly Placed[], key: number): ReactNode {
  let content: ReactNode = text;
  for (let i = covering.length - 1; i >= 0; i--) {
    const h = covering[i];
    content = createElement("span", { key: i === 0 ? key : undefined, className: h.className, [`data-${h.kind}-id`]: h.id }, content);
  }
  return content;
}

function renderChildren(parent: ProseMirrorNode, contentStart: number, sweep: RangeSweep<Placed>): ReactNode[] {
  const children: ReactNode[] = [];
  parent.forEach((node, offset, index) => {
    const pos = contentStart + offset;
    if (node.isText) {
      const pieces = sweep.cut(pos, pos + node.nodeSize);
      const text = node.text ?? "";
      const drawn = pieces.map((piece, i) =>
        piece.covering.length === 0 ? text.slice(piece.from - pos, piece.to - pos) : wrapInHighlights(text.slice(piece.from - pos, piece.to - pos), piece.covering, i),
      );
      children.push(<Fragment key={index}>{wrapInMarks(drawn.length === 1 ? drawn[0] : drawn, node.marks)}</Fragment>);
      return;
    }
    if (node.type.name === "hardBreak") return void children.push(<br key={index} />);
    if (node.type.name === "horizontalRule") return void children.push(<hr key={index} />);
    const inner = renderChildren(node, pos + 1, sweep);
    if (node.type.name === "heading") {
      const level = Math.min(Math.max(Number(node.attrs.level ?? 2), 1), 6);
      return void children.push(createElement(`h${level}`, { key: index }, inner));
    }
    children.push(createElement(BLOCK_TAG[node.type.name] ?? "div", { key: index }, inner));
  });
  return children;
}

/**
 * The article as plain markup with its highlights, rendered on the server, so the words and the
 * claims are on screen before the editor has loaded; the editor replaces it once it is ready (it
 * then adds the highlights' titles). Only what the document schema holds is rendered, React
 * escapes every text, and the highlights are placed by the same text index as the editor's.
 */
export function StaticDocument({ content, highlights }: { content: JSONContent; highlights: readonly StaticHighlight[] }) {
  const doc = toProseMirrorDoc(content);
  const index = getTextIndex(doc);
  const placed: Placed[] = highlights
    .filter((h) => h.start < h.end && h.end <= index.text.length)
    .map((h) => ({ ...h, ...index.textRangeToPosRange(h) }))
    .sort((a, b) => a.from - b.from || b.to - a.to);
  return <div className="static-document">{renderChildren(doc, 0, new RangeSweep(placed))}</div>;
}
