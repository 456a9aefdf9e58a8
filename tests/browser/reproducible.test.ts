import {spawnSync} from "node:child_process";
import {createHash} from "node:crypto";
import {readdirSync, readFileSync, rmSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {afterAll, describe, expect, it} from "vitest";

// Runs after `npm run build`: builds the same commit again, later and into another folder, and
// compares every file. Framework writes each attachment's modification time into the pages and
// into the hashed names of the modules that list them; observablehq.config.ts pins it to the
// commit's time so that the two builds agree byte for byte.
const SECOND = ".dist-reproducible";

/** Every file under a folder, by relative path, with its SHA-256. */
function digests(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.set(relative(root, path), createHash("sha256").update(readFileSync(path)).digest("hex"));
    }
  };
  walk(root);
  return out;
}

describe("the build", () => {
  afterAll(() => rmSync(SECOND, {recursive: true, force: true}));

  it("gives the same bytes when the same commit is built again, later, into another folder", () => {
    const first = digests("dist");
    const result = spawnSync("npx", ["tsx", "scripts/build.ts"], {env: {...process.env, MINERS_DIST: SECOND}, encoding: "utf-8"});
    expect(result.status, result.stderr.slice(-2000)).toBe(0);
    const second = digests(SECOND);
    expect(second.size).toBe(first.size);
    const differ = [...first].filter(([path, hash]) => second.get(path) !== hash).map(([path]) => path);
    expect(differ).toEqual([]);
    expect(first.size).toBeGreaterThan(100);
  });
});
