import sanitizeHtml from "sanitize-html";

/**
 * Containers that carry no meaning in an article but separate its blocks. They are kept as <div>
 * so the text of two table cells or two <section>s does not run together into one word; the
 * document parser turns each run of text inside them into a paragraph.
 */
const BLOCK_CONTAINERS = [
  "div", "section", "article", "main", "header", "footer", "aside", "nav", "figure", "figcaption",
  "address", "details", "summary", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
  "dl", "dt", "dd", "pre", "center",
];

const asDiv = Object.fromEntries(BLOCK_CONTAINERS.map((tag) => [tag, "div"]));

/**
 * Only what the article schema should hold: paragraphs, headings, lists, quotes, bold, italic,
 * http(s) links and line breaks. Everything else loses its tag but keeps its text, except
 * elements whose content is not text a reader sees (scripts, styles, forms' options, embeds),
 * which go entirely. No attribute survives but a link's href, so no style, class or event handler.
 *
 * Marks the schema could hold but the newsroom does not use (code, strike, underline) are dropped
 * here, as are <pre> blocks (as plain paragraphs) and <hr> (a leaf that would add a line to the
 * plain text and shift claim offsets for nothing).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "strong", "b", "em", "i", "a", "br", "div"],
  allowedAttributes: { a: ["href"] },
  allowedSchemes: ["http", "https"],
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  disallowedTagsMode: "discard",
  nonTextTags: ["script", "style", "textarea", "option", "noscript", "template", "iframe", "object", "embed", "svg", "math", "head", "title", "select", "button"],
  transformTags: asDiv,
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
