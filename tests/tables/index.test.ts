import {readdirSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {TABLES} from "../../lib/tables/index.ts";

describe("lib/tables/index.ts", () => {
  it("lists the table of every table file in lib/tables, by name", async () => {
    const machinery = new Set(["index.ts", "define.ts", "arrow.ts", "formats.ts"]);
    const files = readdirSync("lib/tables").filter((f) => f.endsWith(".ts") && !machinery.has(f));
    const specs = (await Promise.all(files.map((f) => import(/* @vite-ignore */ `../../lib/tables/${f}`)))).flatMap((m) =>
      Object.values(m as Record<string, unknown>).filter((v): v is {name: string} => typeof v === "object" && v !== null && "columns" in v && "build" in v)
    );
    expect(specs.map((s) => s.name).sort()).toEqual(TABLES.map((t) => t.name));
    expect(TABLES.map((t) => t.name)).toEqual([...TABLES.map((t) => t.name)].sort((a, b) => a.localeCompare(b)));
  });
});
