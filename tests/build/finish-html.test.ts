import {describe, expect, it} from "vitest";
import {finishHtml} from "../../scripts/finish-html.ts";

const PAGE = `<!DOCTYPE html>
<html>
<head>
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="../">Home</a></li>
  </ol>
</nav>`;

describe("finishHtml", () => {
  it("finishHtml(page) names the language, lets readers zoom and takes the sidebar's close button out of its list", () => {
    const html = finishHtml(PAGE, "p.html");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('content="width=device-width, initial-scale=1">');
    expect(html).not.toContain("maximum-scale");
    expect(html).toMatch(/<nav id="observablehq-sidebar">\n {2}<label id="observablehq-sidebar-close"[^>]*><\/label>\n {2}<ol>\n {4}<li/);
  });

  it("finishHtml(page) stops the build when Framework's markup changes, naming the file", () => {
    expect(() => finishHtml(PAGE.replace("<html>", '<html class="x">'), "dist/p.html")).toThrow('build: dist/p.html does not hold "<html>" exactly once');
    expect(() => finishHtml(PAGE.replace("maximum-scale=1", "maximum-scale=2"), "p.html")).toThrow("does not hold");
  });
});
