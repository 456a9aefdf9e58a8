import {defineConfig} from "vitest/config";

// Components import browser packages as Framework does, "npm:<name>", so that a page and its
// components share one copy of Plot and d3; under Node the same names resolve from node_modules.
const alias = [{find: /^npm:(.*)$/, replacement: "$1"}];

// Two projects: fast unit tests (lib, loaders, components) and the browser check, which builds
// the site and drives Chromium, so it runs alone and with a long timeout.
export default defineConfig({
  resolve: {alias},
  test: {
    projects: [
      {resolve: {alias}, test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], environment: "node"}},
      {test: {name: "browser", include: ["tests/browser/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 900_000, fileParallelism: false}}
    ]
  }
});
