import {defineConfig} from "vitest/config";

// Two projects: fast unit tests (lib, loaders, components) and the browser check, which builds
// the site and drives Chromium, so it runs alone and with a long timeout.
export default defineConfig({
  test: {
    projects: [
      {test: {name: "unit", include: ["tests/**/*.test.ts"], exclude: ["tests/browser/**"], environment: "node"}},
      {test: {name: "browser", include: ["tests/browser/**/*.test.ts"], testTimeout: 180_000, hookTimeout: 900_000, fileParallelism: false}}
    ]
  }
});
