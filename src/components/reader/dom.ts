/** A child of an element: a node or text. */
export type Child = Node | string;

/**
 * A small element builder bound to a document (the page's, or jsdom's in tests):
 * `h("td", {class: "num"}, "3,576.6")` creates the element, sets its attributes and appends the
 * children.
 */
export function elementBuilder(document: Document) {
  return <K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string>> = {}, ...children: Child[]): HTMLElementTagNameMap[K] => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    node.append(...children);
    return node;
  };
}
