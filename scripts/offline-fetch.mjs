// Preloaded into the Framework CLI (NODE_OPTIONS=--import): the build may not reach the network.
// Framework fetches from jsDelivr and the npm registry only for npm: imports missing from its
// cache; failing at once, with the import named, beats a half-made build or a hang.
globalThis.fetch = async (input) => {
  const url = String(input instanceof Request ? input.url : input);
  const match = /cdn\.jsdelivr\.net\/npm\/(.+)$|registry\.npmjs\.org\/(.+)$/.exec(url);
  const what = match ? `npm:${decodeURIComponent(match[1] ?? match[2])}` : url;
  throw new Error(
    `offline build: ${what} is not in the primed npm cache (${url}). ` +
      `Install it with npm install --save-exact and list it in scripts/browser-packages.ts.`
  );
};
