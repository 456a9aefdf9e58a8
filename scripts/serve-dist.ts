/**
 * Serves the built site (dist/) on 127.0.0.1 as a static host would, with serve-handler (the
 * handler of Vercel's `serve`): clean URLs (/pages/policy -> pages/policy.html), media types,
 * byte ranges, Last-Modified, HEAD. Used by the browser tests and the benchmarks, and to check a build
 * before publishing it: `npm run serve`. A malformed URL gets 400 and a file that cannot be read
 * 500; no request can stop the server.
 */
import {createReadStream, existsSync, openSync} from "node:fs";
import {createServer, type Server} from "node:http";
import {resolve} from "node:path";
import handler from "serve-handler";

/** Types serve-handler's mime table does not know, for the data files pages load. */
const TYPES: Record<string, string> = {arrow: "application/vnd.apache.arrow.stream", parquet: "application/vnd.apache.parquet"};

const OPTIONS = (root: string): Parameters<typeof handler>[2] => ({
  public: root,
  cleanUrls: true,
  trailingSlash: false,
  directoryListing: false,
  etag: false,
  headers: Object.entries(TYPES).map(([extension, type]) => ({source: `**/*.${extension}`, headers: [{key: "Content-Type", value: type}]}))
});

/**
 * serve-handler pipes a read stream into the response and does not listen for its errors: a read
 * that fails after the file was found (a file removed or unreadable mid-request) would throw out
 * of the server. Opening the file first turns the common failures into a rejected promise, which
 * serve-handler answers with 500 (it calls this inside a try, or inside a promise when hashing);
 * a late stream error ends the response instead of the process.
 */
export function readStream(path: string, options?: {start?: number; end?: number}) {
  const fd = openSync(path, "r");
  const stream = createReadStream(path, {...options, fd});
  stream.on("error", () => stream.destroy());
  return stream;
}

export function serveDist(root = "dist", port = 0): Promise<{server: Server; origin: string}> {
  const options = OPTIONS(resolve(root));
  const server = createServer((request, response) => {
    handler(request, response, options, {createReadStream: readStream as never}).catch(() => {
      if (!response.headersSent) response.writeHead(500, {"content-type": "text/plain"});
      response.end("internal error");
    });
  });
  server.on("clientError", (_error, socket) => socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
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
