import {spawnSync} from "node:child_process";
import {mkdirSync, mkdtempSync, writeFileSync} from "node:fs";
import {join, resolve} from "node:path";
import {describe, expect, it} from "vitest";

// A page importing a library that is not primed must stop the build at once, naming the import,
// instead of reaching for a CDN or the registry.
describe("scripts/offline-fetch.mjs", () => {
  it("stops observable build on an unprimed npm: import, naming it", () => {
    mkdirSync(resolve("node_modules/.cache"), {recursive: true}); // inside the project, so Framework is found
    const root = mkdtempSync(join(resolve("node_modules/.cache"), "offline-"));
    mkdirSync(join(root, "src"));
    writeFileSync(join(root, "src/index.md"), '# Test\n\n```js\nimport leftPad from "npm:left-pad";\ndisplay(leftPad("1", 3));\n```\n');
    writeFileSync(join(root, "observablehq.config.js"), 'export default {root: "src", globalStylesheets: []};\n');
    const result = spawnSync(resolve("node_modules/.bin/observable"), ["build"], {
      cwd: root,
      encoding: "utf-8",
      timeout: 120_000,
      env: {...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true", NODE_OPTIONS: `--import ${resolve("scripts/offline-fetch.mjs")}`}
    });
    expect(result.status).not.toBe(0);
    expect(result.stdout + result.stderr).toContain("offline build: npm:left-pad");
  }, 150_000);
});
