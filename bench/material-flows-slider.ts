/**
 * Slider to redrawn Sankey on /pages/material-flows, in headless Chromium on 127.0.0.1 (run
 * `npm run build` first, under the build lock): for each system, moves the collection-rate slider
 * RUNS times and times, in the page, from the slider's input event until the figure's Sankey has
 * been replaced (the model run by lib/material-flows, the Sankey laid out and drawn). Also times the
 * model alone in Node on the same rows. Prints the median and the largest time. A benchmark, not a
 * test; the target is under 100 ms.
 */
import {readFileSync} from "node:fs";
import {buildTable} from "../lib/tables/define.ts";
import {mfaFlowsTable} from "../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../lib/tables/mfa-processes.ts";
import {defaultAssumptions, runModel} from "../lib/material-flows/model.ts";
import {median, openPage} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 20);
const ms = (x: number) => `${x.toFixed(1)} ms`;

// The model alone, in Node.
const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
for (const system of ["lithium", "nickel"]) {
  const d = defaultAssumptions(flows, processes, system);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    runModel(flows, processes, system, {...d, collectionRate: 0.2 + i / 100});
    times.push(performance.now() - t);
  }
  console.log(`model only (Node), ${system}: median ${ms(median(times))}, max ${ms(Math.max(...times))}`);
}

// Slider to redrawn Sankey, in the page.
const {page, close} = await openPage("/pages/material-flows");
try {
  await page.waitForFunction(() => document.querySelectorAll("#fig-5 svg, #fig-6 svg").length >= 2, undefined, {timeout: 120_000});
  for (const [system, figure, param] of [["lithium", "fig-5", "li-collection"], ["nickel", "fig-6", "ni-collection"]] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const value = 20 + ((i * 7) % 60);
      times.push(
        await page.evaluate(
          ([figure, param, value]) =>
            new Promise<number>((resolve) => {
              const body = document.querySelector(`#${figure} .figure-body`)!;
              const input = document.querySelector<HTMLInputElement>(`[data-assumption=${param}] input[type=range]`)!;
              const observer = new MutationObserver(() => {
                if (body.querySelector("svg[aria-label^='Sankey diagram']")) {
                  observer.disconnect();
                  resolve(performance.now() - start);
                }
              });
              observer.observe(body, {childList: true});
              const start = performance.now();
              input.value = String(value);
              input.dispatchEvent(new Event("input", {bubbles: true}));
            }),
          [figure, param, value] as const
        )
      );
    }
    console.log(`slider to redrawn Sankey (Chromium), ${system}: median ${ms(median(times))}, max ${ms(Math.max(...times))} over ${RUNS} moves`);
  }
} finally {
  await close();
}
