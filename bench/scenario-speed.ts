/**
 * Slider to redrawn scenario chart on /pages/material-flows, in headless Chromium on 127.0.0.1
 * (run `npm run build` first, under the build lock): for each system, moves a slider RUNS times
 * (the lifetime mean for lithium, the collection rate for nickel) and times, in the page, from the
 * slider's input event until the charts of Figures S24 and S25 have both been replaced
 * (lib/material-flows/scenarios.ts run for the system with its Monte Carlo band, the charts drawn with
 * Plot; the page's other cells that follow the slider, the Sankey and Figures S10/S11, run in the
 * same time). The two figures are redrawn in one task, so the browser reports both replacements at
 * once: one time per move. Also times the model alone in Node on the published rows. Prints the
 * median and the largest time. A benchmark, not a test; the target is under 100 ms.
 */
import {readFileSync} from "node:fs";
import {tableFromIPC} from "apache-arrow";
import {buildTable} from "../lib/tables/define.ts";
import {mfaFlowsTable} from "../lib/tables/mfa-flows.ts";
import {mfaProcessesTable} from "../lib/tables/mfa-processes.ts";
import {defaultAssumptions} from "../lib/material-flows/model.ts";
import {scenarioSeries} from "../lib/material-flows/scenarios.ts";
import {median, openPage} from "./open-page.ts";

const RUNS = Number(process.env.RUNS ?? 20);
const ms = (x: number) => `${x.toFixed(1)} ms`;

// The model alone, in Node, on Figure S24's published rows.
const read = (p: string) => readFileSync("data/sources/" + p, "utf-8");
const flows = buildTable(mfaFlowsTable, read);
const processes = buildTable(mfaProcessesTable, read);
const rows = tableFromIPC(readFileSync("dist/data/figures/fig-s24.arrow")).toArray().map((d) => d.toJSON() as Record<string, unknown>);
for (const system of ["lithium", "nickel"] as const) {
  const d = defaultAssumptions(flows, processes, system);
  scenarioSeries(rows, system, d); // warm up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    scenarioSeries(rows, system, {...d, collectionRate: 0.2 + i / 100});
    times.push(performance.now() - t);
  }
  console.log(`model only (Node), ${system}: median ${ms(median(times))}, max ${ms(Math.max(...times))}`);
}

// Slider to redrawn scenario charts, in the page.
const {page, close} = await openPage("/pages/material-flows");
try {
  await page.waitForFunction(() => document.querySelectorAll("#fig-s24 svg[aria-label], #fig-s25 svg[aria-label]").length >= 4, undefined, {timeout: 120_000});
  for (const [system, param, values] of [
    ["lithium", "li-lifetime", (i: number) => 6 + (i % 10)],
    ["nickel", "ni-collection", (i: number) => 30 + ((i * 7) % 50)]
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      times.push(
        await page.evaluate(
          ([param, value]) =>
            new Promise<number>((resolve) => {
              const bodies = ["#fig-s24", "#fig-s25"].map((id) => document.querySelector(`${id} .figure-body`)!);
              const replaced = [false, false];
              const input = document.querySelector<HTMLInputElement>(`[data-assumption=${param}] input[type=range]`)!;
              const observers = bodies.map(
                (body, k) =>
                  new MutationObserver(() => {
                    if (replaced[k] || !body.querySelector("[data-scenario-chart] svg")) return;
                    replaced[k] = true;
                    observers[k]!.disconnect();
                    if (replaced.every(Boolean)) resolve(performance.now() - start);
                  })
              );
              observers.forEach((o, k) => o.observe(bodies[k]!, {childList: true}));
              const start = performance.now();
              input.value = String(value);
              input.dispatchEvent(new Event("input", {bubbles: true}));
            }),
          [param, values(i)] as const
        )
      );
    }
    console.log(`slider to redrawn Figures S24 and S25 (Chromium), ${system} slider: median ${ms(median(times))}, max ${ms(Math.max(...times))} over ${RUNS} moves`);
  }
} finally {
  await close();
}
