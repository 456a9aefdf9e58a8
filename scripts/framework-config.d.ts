// Framework's own setter of the build date (exported by dist/config.js, used by its tests), which
// observablehq.config.ts calls to make builds reproducible.
declare module "@observablehq/framework/dist/config.js" {
  export function setCurrentDate(date: Date | null): void;
}
