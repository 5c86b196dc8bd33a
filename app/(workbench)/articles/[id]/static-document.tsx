import type { JSONContent } from "@tiptap/core";
import { createElement, Fragment, type ReactNode } from "react";

const BLOCK_TAG: Record<string, string> = {
  paragraph: "p",
  blockquote: "blockquote",
  bulletList: "ul",
  orderedList: "ol",
  listItem: "li",
  codeBlock: "pre",
};

function renderText(node: JSONContent, key: number): ReactNode {
  let content: ReactNode = node.text ?? "";
  for (const mark of node.marks ?? []) {
    if (mark.type === "bold") content = <strong>{content}</strong>;
    else if (mark.type === "italic") content = <em>{content}</em>;
    else if (mark.type === "code") content = <code>{content}</code>;
    else if (mark.type === "link" && typeof mark.attrs?.href === "string" && /^https?:\/\//i.test(mark.attrs.href))
      content = <a href={mark.attrs.href} rel="noopener noreferrer nofollow">{content}</a>;
  }
  return <Fragment key={key}>{content}</Fragment>;
}

function renderNode(node: JSONContent, key: number): ReactNode {
  if (node.type === "text") return renderText(node, key);
  if (node.type === "hardBreak") return <br key={key} />;
  if (node.type === "horizontalRule") return <hr key={key} />;
  const children = (node.content ?? []).map(renderNode);
  if (node.type === "heading") {
    const level = Math.min(Math.max(Number(node.attrs?.level ?? 2), 1), 6);
    return createElement(`h${level}`, { key }, children);
  }
  return createElement(BLOCK_TAG[node.type ?? ""] ?? "div", { key }, children);
}

/**
 * The article as plain markup, rendered on the server, so the words are on screen before the
 * editor has loaded; the editor replaces it once it is ready. Only what the document schema
 * holds is rendered, and React escapes every text.
 */
export function StaticDocument({ content }: { content: JSONContent }) {
  return <div className="static-document">{(content.content ?? []).map(renderNode)}</div>;
}
