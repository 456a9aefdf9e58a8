/**
 * The site's build: primes the npm cache, reruns every data loader, and runs `observable build`
 * offline into a fresh folder that replaces dist/ only when the whole build succeeded, so a bad
 * source never leaves a half-made site behind. Framework reuses a cached loader output unless the
 * loader file itself changed; a source or lib/ change would go unnoticed, so the cache is cleared.
 */
import {spawnSync} from "node:child_process";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from "node:fs";
import {join} from "node:path";
import {finishHtml} from "./finish-html.ts";

const OUTPUT = process.env.MINERS_DIST ?? "dist"; // the benchmark builds its own copy
const STAGING = `.dist-staging-${process.pid}`;

function run(command: string, args: string[], env: Record<string, string> = {}): void {
  const result = spawnSync(command, args, {stdio: "inherit", env: {...process.env, ...env}});
  if (result.status !== 0) {
    rmSync(STAGING, {recursive: true, force: true});
    console.error(`build: ${command} ${args.join(" ")} failed; ${OUTPUT}/ is left as it was`);
    process.exit(result.status ?? 1);
  }
}

const started = performance.now();
run("npx", ["tsx", "scripts/prime-npm-cache.ts"]);
rmSync("src/.observablehq/cache/data", {recursive: true, force: true});
rmSync(STAGING, {recursive: true, force: true});
run("npx", ["observable", "build"], {
  MINERS_OUTPUT: STAGING,
  OBSERVABLE_TELEMETRY_DISABLE: "true",
  NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --import ./scripts/offline-fetch.mjs`.trim()
});
if (!existsSync(`${STAGING}/index.html`)) {
  console.error(`build: ${STAGING}/index.html is missing; ${OUTPUT}/ is left as it was`);
  process.exit(1);
}
finishPages(STAGING);
rmSync(OUTPUT, {recursive: true, force: true});
renameSync(STAGING, OUTPUT);
console.error(`build: ${OUTPUT}/ written in ${((performance.now() - started) / 1000).toFixed(1)} s`);


function finishPages(dir: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) finishPages(path);
    else if (name.endsWith(".html")) writeFileSync(path, finishHtml(readFileSync(path, "utf-8"), path));
  }
}
