import {JSDOM} from "jsdom";
import {describe, expect, it} from "vitest";
import {accessible} from "../../src/components/reader/accessibility.ts";

const page = (body: string) => {
  const {window} = new JSDOM(`<!doctype html><body>${body}</body>`);
  (globalThis as {CSS?: unknown}).CSS ??= {escape: (s: string) => s.replace(/"/g, '\\"')};
  return window.document.body;
};

describe("accessible", () => {
  it("accessible(root) names an Inputs range slider after its form's label, and leaves its labelled number box alone", () => {
    const root = page(`<form><label for="n1">Collection rate (%)</label><div><input type="number" id="n1"><input type="range" name="range"></div></form>`);
    expect(accessible(root)).toBe(1);
    expect(root.querySelector("input[type=range]")!.getAttribute("aria-label")).toBe("Collection rate (%)");
    expect(root.querySelector("input[type=number]")!.hasAttribute("aria-label")).toBe(false);
  });

  it("accessible(root) says which row a table checkbox selects, and names the header one 'Select all rows'", () => {
    const root = page(`<form><table><thead><tr><th><input type="checkbox"></th><th>Record</th></tr></thead><tbody><tr><td><input type="checkbox"></td><td>Critical Minerals Strategy</td></tr></tbody></table></form>`);
    accessible(root);
    expect([...root.querySelectorAll("input")].map((i) => i.getAttribute("aria-label"))).toEqual(["Select all rows", "Select row: Critical Minerals Strategy"]);
  });

  it("accessible(root) gives Plot's labelled groups a role and scroll boxes a tab stop, once", () => {
    const root = page(`<svg><g aria-label="bar"><rect aria-label="Chile: 28.3"></rect><rect></rect></g><g aria-label="axis" role="img"></g></svg><div class="table-scroll"><table></table></div>`);
    expect(accessible(root)).toBe(3);
    expect(root.querySelector("g[aria-label=bar]")!.getAttribute("role")).toBe("group");
    // a mark named by hover(): an image with that name; an unnamed one is left alone
    expect([...root.querySelectorAll("rect")].map((r) => r.getAttribute("role"))).toEqual(["img", null]);
    expect(root.querySelector("g[aria-label=axis]")!.getAttribute("role")).toBe("img");
    expect(root.querySelector(".table-scroll")!.getAttribute("tabindex")).toBe("0");
    expect(accessible(root)).toBe(0);
  });

  it("accessible(root) leaves a control it cannot name unnamed rather than invent a name", () => {
    const root = page(`<div><input type="text"></div>`);
    expect(accessible(root)).toBe(0);
    expect(root.querySelector("input")!.hasAttribute("aria-label")).toBe(false);
  });
});

describe("accessible on an added subtree", () => {
  it("accessible(node) takes the node itself into account, as watchAccessibility passes it each added subtree", () => {
    const root = page(`<form><table><tbody><tr><td><input type="checkbox"></td><td>Row one</td></tr></tbody></table></form>`);
    const checkbox = root.querySelector("input")!;
    expect(accessible(checkbox)).toBe(1);
    expect(checkbox.getAttribute("aria-label")).toBe("Select row: Row one");
    const row = root.querySelector("tr")!;
    checkbox.removeAttribute("aria-label");
    expect(accessible(row)).toBe(1);
  });
});
