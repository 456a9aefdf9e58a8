import {describe, expect, it} from "vitest";
import {BACKGROUNDS, COMMODITY_GROUP_COLORS, FLAG_COLORS, LITHIUM_TYPE_COLORS, NICKEL_ROLE_COLORS, PROCESSING_COLORS, REFINING_COLORS, contrastRatio, relativeLuminance} from "../../../lib/mapping/palettes.ts";

describe("the mapping page's categorical colours", () => {
  it("contrastRatio follows WCAG 2.1: black on white is 21, a colour on itself 1, and #767676 on white 4.54 (the lightest grey that passes AA for text)", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#777777")).toBe(1);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(() => relativeLuminance("white")).toThrow(RangeError);
  });

  const palettes = {LITHIUM_TYPE_COLORS, NICKEL_ROLE_COLORS, PROCESSING_COLORS, COMMODITY_GROUP_COLORS, FLAG_COLORS, REFINING_COLORS};
  for (const [name, colours] of Object.entries(palettes)) {
    it(`${name}: every colour reads at 3:1 or more on the light (#ffffff) and the dark (#161616) page`, () => {
      for (const c of colours) {
        expect(contrastRatio(c, BACKGROUNDS.light), `${c} on light`).toBeGreaterThanOrEqual(3);
        expect(contrastRatio(c, BACKGROUNDS.dark), `${c} on dark`).toBeGreaterThanOrEqual(3);
      }
      expect(new Set(colours).size, "no colour twice").toBe(colours.length);
    });
  }

  it("the old light-page colours would fail on the dark page or the light one (why they were replaced)", () => {
    // Figure 4a's grey for "other commodity" and Figure S7's coal grey and light blue, before.
    expect(contrastRatio("#a0aec0", BACKGROUNDS.light)).toBeLessThan(3);
    expect(contrastRatio("#4a5568", BACKGROUNDS.dark)).toBeLessThan(3);
    expect(contrastRatio("#90cdf4", BACKGROUNDS.light)).toBeLessThan(3);
  });
});
