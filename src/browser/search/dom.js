// @ts-check
// Building the page's elements with DOM APIs: nothing from the index is ever parsed as HTML.

/**
 * An element with attributes (`text` sets its text) and children.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...(Node | string | null | undefined)} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** Excerpt segments as text nodes and <mark> elements. */
export function excerptNodes(segments) {
  return segments.map((seg) => (seg.marked ? el('mark', { text: seg.text }) : document.createTextNode(seg.text)));
}
