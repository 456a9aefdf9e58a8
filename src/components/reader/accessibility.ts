/**
 * What the libraries the pages use leave out of WCAG 2.1 AA, put back on whatever a page draws,
 * now and later (Inputs.table adds rows as the reader scrolls; charts redraw):
 * - a control with no accessible name gets one (4.1.2): Inputs' range sliders take the label of
 *   their form (its number box has it already); a table's checkboxes say which row they select;
 * - Plot names its marks' groups with aria-label, which needs a role to be read (4.1.2): role=group;
 *   a mark named by its own aria-label (hover() in hover.ts) is an image with that name: role=img;
 * - a box that scrolls must be reachable by keyboard (2.1.1): tabindex=0.
 * Call watchAccessibility() once per page; accessible(root) does one pass over root and what it holds.
 */

/** root itself when it matches, then what it holds that matches. */
function within<E extends Element>(root: ParentNode, selector: string): E[] {
  const self = "matches" in root && (root as Element).matches(selector) ? [root as E] : [];
  return [...self, ...root.querySelectorAll<E>(selector)];
}

const FIELDS = "input:not([type=hidden]), select, textarea";

/** Whether a control already has a name a screen reader reads. */
function named(control: Element): boolean {
  if (control.getAttribute("aria-label") || control.getAttribute("aria-labelledby") || control.closest("label")) return true;
  const id = control.getAttribute("id");
  return id !== null && control.ownerDocument.querySelector(`label[for="${CSS.escape(id)}"]`) !== null;
}

const text = (e: Element | null | undefined) => (e?.textContent ?? "").replace(/\s+/g, " ").trim();

/** A name for a control that has none, from what surrounds it; null when nothing says what it is. */
function nameFor(control: Element): string | null {
  if (control.getAttribute("type") === "checkbox") {
    const cell = control.closest("th, td");
    if (cell?.tagName === "TH") return "Select all rows";
    const row = control.closest("tr");
    if (row) {
      const first = [...row.children].find((c) => c !== cell && text(c));
      return `Select row: ${text(first).slice(0, 80) || "this row"}`;
    }
  }
  const form = control.closest("form");
  const label = form?.querySelector(":scope > label");
  return text(label) || null;
}

/** One pass over root: names unnamed controls, gives Plot's labelled groups a role, makes scroll boxes focusable. Returns how many elements it changed. */
export function accessible(root: ParentNode): number {
  let changed = 0;
  for (const control of within(root, FIELDS)) {
    if (named(control)) continue;
    const name = nameFor(control);
    if (name) {
      control.setAttribute("aria-label", name);
      changed++;
    }
  }
  for (const g of within(root, "svg g[aria-label]:not([role])")) {
    g.setAttribute("role", "group");
    changed++;
  }
  for (const mark of within(root, "svg :is(rect, circle, path, line)[aria-label]:not([role])")) {
    mark.setAttribute("role", "img");
    changed++;
  }
  // A table that scrolls sideways (style.css lets wide tables do so on a phone) is a scroll box too.
  const scrolls = (t: HTMLElement) => t.scrollWidth > t.clientWidth && /auto|scroll/.test(getComputedStyle(t).overflowX);
  const boxes = [...within<HTMLElement>(root, ".table-scroll, .scroll, [data-scroll]"), ...within<HTMLElement>(root, "table").filter(scrolls)];
  for (const box of boxes) {
    if (!box.hasAttribute("tabindex")) {
      box.setAttribute("tabindex", "0");
      changed++;
    }
  }
  return changed;
}

/**
 * Runs accessible() on the page now, then on what is added to it, once per animation frame: only
 * the new subtrees, so that a chart redrawn at every slider step costs one pass over that chart,
 * not over the page (the scroll check reads layout).
 */
export function watchAccessibility(root: HTMLElement = document.body): MutationObserver {
  const added = new Set<Element>();
  const run = () => {
    for (const node of added) if (node.isConnected) accessible(node);
    added.clear();
  };
  const observer = new MutationObserver((mutations) => {
    const queued = added.size > 0;
    for (const m of mutations) for (const node of m.addedNodes) if (node.nodeType === 1) added.add(node as Element);
    if (!queued && added.size) requestAnimationFrame(run);
  });
  observer.observe(root, {childList: true, subtree: true});
  accessible(root);
  return observer;
}
