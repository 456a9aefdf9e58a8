/**
 * Serves the built site (dist/) on 127.0.0.1 as a static host would: clean URLs map to .html
 * files, and wasm, Arrow and Parquet files get their media types. Used by the browser tests and
 * the benchmarks, and to check a build before publishing it: `npm run serve`.
 */
import {createReadStream, existsSync, statSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {extname, join, normalize, resolve} from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".arrow": "application/vnd.apache.arrow.stream",
  ".parquet": "application/vnd.apache.parquet",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2"
};

/** The file a URL path names inside root, or null: /a -> a.html, /a/ -> a/index.html. */
export function resolveFile(root: string, urlPath: string): string | null {
  const path = normalize(decodeURIComponent(urlPath.split("?")[0]!.split("#")[0]!));
  const base = resolve(root);
  const file = resolve(join(base, path));
  if (file !== base && !file.startsWith(base + "/")) return null;
  const candidates = path.endsWith("/") ? [join(file, "index.html")] : [file, `${file}.html`, join(file, "index.html")];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

export function serveDist(root = "dist", port = 0): Promise<{server: Server; origin: string}> {
  const server = createServer((request, response) => {
    const file = resolveFile(root, request.url ?? "/");
    if (!file) {
      response.writeHead(404, {"content-type": "text/plain"}).end("not found");
      return;
    }
    response.writeHead(200, {"content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": statSync(file).size});
    createReadStream(file).pipe(response);
  });
  return new Promise((done) => {
    server.listen(port, "127.0.0.1", () => {
      const address = server.address();
      const actual = typeof address === "object" && address ? address.port : port;
      done({server, origin: `http://127.0.0.1:${actual}`});
    });
  });
}

if (resolve(process.argv[1] ?? "") === resolve(import.meta.filename)) {
  const port = Number(process.env.PORT ?? 3000);
  if (!existsSync("dist/index.html")) {
    console.error("serve-dist: dist/ has no site; run npm run build first");
    process.exit(1);
  }
  serveDist("dist", port).then(({origin}) => console.error(`serving dist/ at ${origin}`));
}
