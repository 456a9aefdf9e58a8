/** What the browser benchmarks share: the built site served (or MINERS_ORIGIN), one page opened cleanly, and medians. */
import type {Server} from "node:http";
import type {Browser, Page} from "playwright-core";
import {serveDist} from "../scripts/serve-dist.ts";
import {checkPage, launch} from "../tests/browser/chromium.ts";

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Opens `path` of dist/ (or of MINERS_ORIGIN) at 1280 × 900; throws unless it opens with no console or cell error. */
export async function openPage(path: string): Promise<{page: Page; browser: Browser; close(): Promise<void>}> {
  let server: Server | undefined;
  let origin = process.env.MINERS_ORIGIN ?? "";
  if (!origin) ({server, origin} = await serveDist("dist"));
  const browser = await launch();
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const report = await checkPage(page, `${origin}${path}`, {timeout: 120_000});
  if (report.consoleErrors.length || report.cellErrors.length || report.pendingCells) throw new Error(`the page did not open cleanly: ${JSON.stringify(report)}`);
  return {
    page,
    browser,
    close: async () => {
      await browser.close();
      server?.close();
    }
  };
}
