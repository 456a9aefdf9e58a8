/**
 * Fills Observable Framework's npm cache (src/.observablehq/cache/_npm) from node_modules, so that
 * the build needs no CDN and every browser library has the version pinned in package-lock.json.
 *
 * Each package becomes one ES module, `_npm/<name>@<version>/_esm.js`, as the jsDelivr CDN would
 * serve it: bare imports stay external and point at the dependency's own module (so that shared
 * state, such as CodeMirror's or Arrow's, exists once), CommonJS `require()` calls are bundled
 * inline (a browser cannot resolve them), and `node:` imports are left alone (Node-only branches).
 * Files loaded at run time (wasm, workers, JSON) are copied to their package paths.
 *
 * Same node_modules, same bytes: the cache is rebuilt from scratch on every run.
 */
import {build, type Plugin} from "esbuild";
import {existsSync, readFileSync} from "node:fs";
import {copyFile, mkdir, rename, rm, writeFile} from "node:fs/promises";
import {builtinModules} from "node:module";
import {dirname, join, posix, relative, resolve} from "node:path";
import {files, font, linked, modules, singletons} from "./browser-packages.js";

const root = process.cwd();
const finalDir = join(root, "src", ".observablehq", "cache", "_npm");
// Written aside and swapped in, so a build or preview running meanwhile never sees a half cache.
const cacheDir = `${finalDir}.${process.pid}`;

interface Package {
  name: string;
  version: string;
  dir: string;
}

/** Splits "@scope/name/sub/path" into its package name and subpath. */
export function parseSpecifier(specifier: string): {name: string; subpath: string} {
  const parts = specifier.split("/");
  const n = specifier.startsWith("@") ? 2 : 1;
  return {name: parts.slice(0, n).join("/"), subpath: parts.slice(n).join("/")};
}

/** Finds the package that Node would load for `name` when imported from `fromDir`. */
function findPackage(name: string, fromDir: string): Package {
  if (singletons.includes(name)) fromDir = root;
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const pkgDir = join(dir, "node_modules", name);
    const pkgJson = join(pkgDir, "package.json");
    if (existsSync(pkgJson)) {
      const {version} = JSON.parse(readFileSync(pkgJson, "utf-8")) as {version: string};
      return {name, version, dir: pkgDir};
    }
    if (dirname(dir) === dir) break;
  }
  throw new Error(`prime-npm-cache: "${name}" (imported from ${relative(root, fromDir) || "."}) is not installed; run npm install`);
}

/** Framework's cache path of a bundled module: `_esm.js`, or `<subpath>._esm.js`. */
function modulePath(pkg: Package, subpath: string): string {
  return posix.join(`${pkg.name}@${pkg.version}`, subpath ? `${subpath}._esm.js` : "_esm.js");
}

const done = new Set<string>();
const queue: {specifier: string; fromDir: string}[] = modules.map((specifier) => ({specifier, fromDir: root}));

async function bundle(specifier: string, fromDir: string): Promise<void> {
  const {name, subpath} = parseSpecifier(specifier);
  const pkg = findPackage(name, fromDir);
  const output = modulePath(pkg, subpath);
  if (done.has(output)) return;
  done.add(output);
  const externals: Plugin = {
    name: "externals",
    setup(b) {
      b.onResolve({filter: /.*/}, (args) => {
        if (args.kind === "entry-point") return undefined;
        if (args.path.startsWith("node:")) return {path: args.path, external: true};
        if (/^[./]/.test(args.path)) return undefined;
        if (args.kind === "require-call") return undefined; // bundled inline
        const dep = parseSpecifier(args.path);
        if (dep.name === name) return undefined; // a package importing itself by name
        if (builtinModules.includes(dep.name)) return {path: args.path, external: true};
        const depPkg = findPackage(dep.name, args.resolveDir);
        queue.push({specifier: args.path, fromDir: args.resolveDir});
        const target = modulePath(depPkg, dep.subpath);
        let path = posix.relative(posix.dirname(output), target);
        if (!path.startsWith(".")) path = `./${path}`;
        return {path, external: true};
      });
    }
  };
  const result = await build({
    entryPoints: [specifier],
    absWorkingDir: singletons.includes(name) ? root : fromDir,
    bundle: true,
    write: false,
    format: "esm",
    platform: "browser",
    target: "es2022",
    mainFields: ["browser", "module", "main"],
    conditions: ["browser", "import", "module"],
    define: {"process.env.NODE_ENV": '"production"'},
    minify: true,
    legalComments: "eof",
    logLevel: "error",
    plugins: [externals]
  });
  const path = join(cacheDir, output);
  await mkdir(dirname(path), {recursive: true});
  await writeFile(path, result.outputFiles![0]!.text);
  await copyFile(join(pkg.dir, "package.json"), join(cacheDir, `${pkg.name}@${pkg.version}`, "package.json"));
}

async function copyRaw(specifier: string): Promise<void> {
  const {name, subpath} = parseSpecifier(specifier);
  const pkg = findPackage(name, root);
  const target = join(cacheDir, `${pkg.name}@${pkg.version}`, subpath);
  await mkdir(dirname(target), {recursive: true});
  await copyFile(join(pkg.dir, subpath), target);
}

/**
 * Writes the font stylesheet, faces inlined as data URLs, where src/style.css imports it: Framework
 * bundles the site's stylesheet with esbuild, which takes no font files, only data URLs.
 */
async function primeFont(): Promise<void> {
  const pkg = findPackage(font.package, root);
  const faces = font.faces.map(({style, file}) => {
    const data = readFileSync(join(pkg.dir, file)).toString("base64");
    return `@font-face{font-family:"${font.family}";font-style:${style};font-display:swap;font-weight:200 900;src:url(data:font/woff2;base64,${data}) format("woff2");unicode-range:${font.unicodeRange}}`;
  });
  const target = join(root, font.stylesheet);
  await mkdir(dirname(target), {recursive: true});
  await writeFile(target, `/* ${pkg.name}@${pkg.version}, SIL Open Font License 1.1 */\n${faces.join("\n")}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  await rm(cacheDir, {recursive: true, force: true});
  while (queue.length) {
    const {specifier, fromDir} = queue.shift()!;
    await bundle(specifier, fromDir);
  }
  for (const file of files) await copyRaw(file);
  for (const [name, version] of Object.entries(linked)) await mkdir(join(cacheDir, `${name}@${version}`), {recursive: true});
  await primeFont();
  const old = `${finalDir}.old.${process.pid}`;
  if (existsSync(finalDir)) await rename(finalDir, old);
  await rename(cacheDir, finalDir);
  await rm(old, {recursive: true, force: true});
  const ms = Math.round(performance.now() - started);
  console.error(`prime-npm-cache: ${done.size} modules, ${files.length} files, ${Object.keys(linked).length} linked, 1 font -> ${relative(root, finalDir)} (${ms} ms)`);
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
