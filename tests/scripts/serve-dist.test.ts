import {mkdtempSync, mkdirSync, rmSync, writeFileSync} from "node:fs";
import {request} from "node:http";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, beforeAll, describe, expect, it} from "vitest";
import {readStream, serveDist} from "../../scripts/serve-dist.ts";

/** A raw GET (or other method), so that a malformed path reaches the server as written. */
function get(origin: string, path: string, {method = "GET", headers = {}}: {method?: string; headers?: Record<string, string>} = {}): Promise<{status: number; headers: Record<string, unknown>; body: string}> {
  const url = new URL(origin);
  return new Promise((done, fail) => {
    const req = request({host: url.hostname, port: url.port, path, method, headers}, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => done({status: res.statusCode ?? 0, headers: res.headers, body}));
    });
    req.on("error", fail);
    req.end();
  });
}

describe("serveDist", () => {
  let root: string;
  let site: Awaited<ReturnType<typeof serveDist>>;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "serve-dist-"));
    mkdirSync(join(root, "pages"));
    mkdirSync(join(root, "data"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>home</title>");
    writeFileSync(join(root, "pages", "policy.html"), "<!doctype html><title>policy</title>");
    writeFileSync(join(root, "data", "t.arrow"), Buffer.from("0123456789"));
    writeFileSync(join(root, "data", "t.parquet"), "PAR1");
    writeFileSync(join(root, "engine.wasm"), "\0asm");
    site = await serveDist(root, 0);
  });
  afterAll(() => {
    site.server.close();
    rmSync(root, {recursive: true, force: true});
  });

  it("serves clean URLs as a static host does, with the data files' media types", async () => {
    expect((await get(site.origin, "/pages/policy")).body).toContain("<title>policy</title>");
    expect((await get(site.origin, "/")).body).toContain("<title>home</title>");
    expect((await get(site.origin, "/data/t.arrow")).headers["content-type"]).toBe("application/vnd.apache.arrow.stream");
    expect((await get(site.origin, "/data/t.parquet")).headers["content-type"]).toBe("application/vnd.apache.parquet");
    expect((await get(site.origin, "/engine.wasm")).headers["content-type"]).toBe("application/wasm");
    expect((await get(site.origin, "/pages/nothing")).status).toBe(404);
  });

  it("answers HEAD without a body and a byte range with 206", async () => {
    const head = await get(site.origin, "/data/t.arrow", {method: "HEAD"});
    expect([head.status, head.body, head.headers["content-length"]]).toEqual([200, "", "10"]);
    const range = await get(site.origin, "/data/t.arrow", {headers: {range: "bytes=2-4"}});
    expect([range.status, range.body, range.headers["content-range"]]).toEqual([206, "234", "bytes 2-4/10"]);
  });

  it("answers a malformed URL and a path outside the root with 400, and keeps serving", async () => {
    expect((await get(site.origin, "/%E0%A4%A")).status).toBe(400);
    expect((await get(site.origin, "/../../etc/passwd")).status).toBe(400);
    expect((await get(site.origin, "/pages/policy")).status).toBe(200);
  });

  it("opens a file before streaming it, so that a failed read is an error serve-handler answers with 500, and a late one ends only the response", () => {
    expect(() => readStream(join(root, "gone.arrow"))).toThrow(/ENOENT/);
    const stream = readStream(join(root, "data", "t.arrow"));
    expect(stream.listenerCount("error")).toBe(1);
    expect(() => stream.emit("error", new Error("disk gone"))).not.toThrow();
  });
});
