import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {base64urlDecode, base64urlEncode, decodeText, encodeText, MAX_TEXT_LENGTH, PermalinkError, readParam, withParam} from "../../../lib/reader/permalink.ts";

describe("base64url", () => {
  it("base64urlEncode(bytes) matches RFC 4648 test vectors, without padding, in the URL-safe alphabet", () => {
    const ascii = (s: string) => new TextEncoder().encode(s);
    // RFC 4648 section 10.
    expect(["", "f", "fo", "foo", "foob", "fooba", "foobar"].map((s) => base64urlEncode(ascii(s)))).toEqual(["", "Zg", "Zm8", "Zm9v", "Zm9vYg", "Zm9vYmE", "Zm9vYmFy"]);
    // 0xfb 0xff encode to "+/8=" in base64, "-_8" in base64url.
    expect(base64urlEncode(new Uint8Array([0xfb, 0xff]))).toBe("-_8");
  });

  it("base64urlDecode(base64urlEncode(bytes)) returns the bytes (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({maxLength: 300}), (bytes) => {
        expect([...base64urlDecode(base64urlEncode(bytes))]).toEqual([...bytes]);
      }),
      {seed: 5}
    );
  });

  it("base64urlDecode(text) throws PermalinkError for characters outside the alphabet or an impossible length", () => {
    expect(() => base64urlDecode("Zm9v+")).toThrow(PermalinkError);
    expect(() => base64urlDecode("Zm9vY")).toThrow(/length 5/);
  });
});

describe("encodeText / decodeText", () => {
  it("decodeText(await encodeText(text)) returns the text for any Unicode text (property, seeded)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({unit: "grapheme", maxLength: 400}), async (text) => {
        expect(await decodeText(await encodeText(text))).toBe(text);
      }),
      {seed: 8, numRuns: 200}
    );
  });

  it("encodeText(query) compresses a real query to well under its plain base64url length", async () => {
    const query = `SELECT commodity, country, value_t::DOUBLE AS tonnes, status, unit
FROM production
WHERE edition = 'MCS2023' AND stage = 'mine' AND year = 2021 AND kind = 'country'
  AND commodity IN ('lithium', 'nickel')
ORDER BY commodity, value_t DESC NULLS LAST`;
    const token = await encodeText(query);
    expect(token[0]).toBe("z");
    // Plain base64url takes 4/3 of the 236 bytes, 315 characters; deflate saves a fifth of that
    // here, and more on longer queries, whose words repeat more.
    expect(token.length).toBeLessThan(0.85 * Math.ceil((query.length * 4) / 3));
    const long = await encodeText(Array.from({length: 6}, () => query).join(";\n"));
    expect(long.length).toBeLessThan(0.3 * Math.ceil((query.length * 6 * 4) / 3));
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("encodeText(text) keeps a short text plain, since deflate would lengthen it", async () => {
    expect(await encodeText("SELECT 42")).toBe("tU0VMRUNUIDQy");
  });

  it("decodeText(token) throws PermalinkError for an unknown kind, a damaged stream or text that is not UTF-8", async () => {
    await expect(decodeText("xAAAA")).rejects.toThrow(PermalinkError);
    await expect(decodeText("z" + base64urlEncode(new Uint8Array([255, 255, 255, 255])))).rejects.toThrow(/does not inflate/);
    await expect(decodeText("t" + base64urlEncode(new Uint8Array([0xc3, 0x28])))).rejects.toThrow(/not UTF-8/);
  });

  it("decodeText(token) refuses a small token that inflates past MAX_TEXT_LENGTH (no memory bomb from a link)", async () => {
    const bomb = await encodeText("x".repeat(MAX_TEXT_LENGTH * 4));
    expect(bomb.length).toBeLessThan(2000);
    await expect(decodeText(bomb)).rejects.toThrow(/longer than/);
  });
});

describe("readParam / withParam", () => {
  it("withParam(href, name, value) sets one parameter and keeps the others and the hash", () => {
    const href = withParam("https://example.org/pages/production?country=IDN#fig-s1", "producers", "zAB-_");
    expect(href).toBe("https://example.org/pages/production?country=IDN&producers=zAB-_#fig-s1");
    expect(readParam(new URL(href).search, "producers")).toBe("zAB-_");
    expect(readParam(new URL(href).search, "country")).toBe("IDN");
  });

  it("withParam(href, name, null) removes the parameter and leaves no bare '?'", () => {
    expect(withParam("https://example.org/p?sql=tAA#x", "sql", null)).toBe("https://example.org/p#x");
    expect(withParam("https://example.org/p?a=1&sql=tAA", "sql", null)).toBe("https://example.org/p?a=1");
  });

  it("readParam(search, name) is null for an absent or empty parameter", () => {
    expect(readParam("?a=1", "b")).toBeNull();
    expect(readParam("a=", "a")).toBeNull();
  });

  it("a token round-trips through a URL's query string (property)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({maxLength: 200}), async (text) => {
        const href = withParam("https://example.org/pages/workspace?x=1#top", "sql", await encodeText(text));
        expect(await decodeText(readParam(new URL(href).search, "sql") ?? "t")).toBe(text);
      }),
      {seed: 3, numRuns: 100}
    );
  });
});
