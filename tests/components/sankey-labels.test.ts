import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {stack, textWidth, wrap} from "../../src/components/material-flows/sankey-labels.ts";

describe("Sankey label placement", () => {
  it("wrap(text, width) breaks at spaces, keeps each line within the width, and ends what does not fit in an ellipsis", () => {
    const lines = wrap("Non-battery uses, losses and stock changes", 80, 10);
    for (const l of lines) expect(textWidth(l, 10)).toBeLessThanOrEqual(80);
    expect(lines.length).toBeLessThanOrEqual(3);
    expect(lines.join(" ").startsWith("Non-battery uses,")).toBe(true);
    expect(wrap("Mining, Chile", 200, 10)).toEqual(["Mining, Chile"]);
    expect(wrap("Sulphate, chemicals, oxide and losses", 50, 10, 2).at(-1)).toMatch(/…$/);
    expect(wrap("Electrochemistry", 40, 10)).toEqual(["Elect…"]); // one word too long for its line
  });

  it("stack(items) keeps every item at least gap apart, inside [top, bottom] when they fit, and says by how much they do not", () => {
    const item = fc.record({y: fc.double({min: 0, max: 500, noNaN: true}), h: fc.double({min: 5, max: 60, noNaN: true})});
    fc.assert(
      fc.property(fc.array(item, {maxLength: 25}), (items) => {
        const {y, overflow} = stack(items, 0, 500, 3);
        const boxes = items.map((it, i) => [y[i]! - it.h / 2, y[i]! + it.h / 2] as const).sort((a, b) => a[0] - b[0]);
        for (let i = 1; i < boxes.length; i++) expect(boxes[i]![0] - boxes[i - 1]![1]).toBeGreaterThanOrEqual(3 - 1e-9);
        const total = items.reduce((s, it) => s + it.h, 0) + 3 * Math.max(items.length - 1, 0);
        expect(overflow).toBeCloseTo(Math.max(0, total - 500), 9);
        if (boxes.length) expect(boxes[0]![0]).toBeGreaterThanOrEqual(-1e-9);
        if (boxes.length && overflow === 0) expect(boxes.at(-1)![1]).toBeLessThanOrEqual(500 + 1e-9);
      })
    );
    // an item with room stays where it wants to be
    expect(stack([{y: 100, h: 20}, {y: 300, h: 20}], 0, 500, 3).y).toEqual([100, 300]);
  });
});
