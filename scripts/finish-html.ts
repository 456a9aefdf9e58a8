/**
 * Three fixes to the HTML Framework 1.13 writes, for WCAG 2.1 AA, made on every built page: the
 * page's language (it writes a bare <html>); a viewport that lets readers zoom (it sets
 * maximum-scale=1); and the sidebar's close button moved out of the list it sits in (an <ol> may
 * hold only <li>). Each replacement must match once per page, or the build stops: a Framework
 * upgrade that changes the markup is caught here, not by a reader.
 */
export function finishHtml(html: string, file: string): string {
  const fixes: [string, string][] = [
    ["<html>", '<html lang="en">'],
    ['<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">', '<meta name="viewport" content="width=device-width, initial-scale=1">'],
    [
      '<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n',
      '<nav id="observablehq-sidebar">\n  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n  <ol>\n'
    ]
  ];
  for (const [from, to] of fixes) {
    if (html.split(from).length !== 2) throw new Error(`build: ${file} does not hold ${JSON.stringify(from.slice(0, 40))} exactly once`);
    html = html.replace(from, to);
  }
  return html;
}

