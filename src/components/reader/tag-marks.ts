import type * as Plot from "@observablehq/plot";

/**
 * A Plot render hook that tags each shape a mark draws with data attributes (what the tests and a
 * reader's tools read) and, given onClick, makes it a control. Plot draws one shape per index in
 * order, so the j-th shape is the datum of the j-th index.
 */
export function tagMarks<T>(data: readonly T[], attributes: (d: T) => Record<string, string> | null, {selector = "rect", onClick}: {selector?: string; onClick?: (d: T) => void} = {}): Plot.RenderFunction {
  return function (index, scales, values, dimensions, context, next) {
    const g = next!(index, scales, values, dimensions, context)!;
    const shapes = g.querySelectorAll<SVGElement>(selector);
    Array.from(index).forEach((i, j) => {
      const d = data[i];
      const shape = shapes[j];
      if (d === undefined || !shape) return;
      const attrs = attributes(d);
      if (attrs === null) return;
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
      if (onClick) {
        shape.style.cursor = "pointer";
        shape.addEventListener("click", () => onClick(d));
      }
    });
    return g;
  };
}
