import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {decodeSource} from "../../../lib/sources/decode.ts";
import {SourceError} from "../../../lib/sources/source-error.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));

describe("decodeSource", () => {
  it("decodeSource(bytes, file) reads UTF-8 and keeps a byte-order mark, as readFileSync(path, 'utf-8') does", () => {
    expect(decodeSource(utf8("\uFEFFa,b\r\nCôte d'Ivoire,“1”\r\n"), "f.csv")).toBe("\uFEFFa,b\r\nCôte d'Ivoire,“1”\r\n");
    expect(decodeSource(utf8(""), "f.csv")).toBe("");
  });

  it("decodeSource(bytes, file) names a UTF-16 file by its byte-order mark, or by its NUL bytes", () => {
    const le = Uint8Array.from([0xff, 0xfe, ...Buffer.from("a,b\r\n", "utf16le")]);
    expect(() => decodeSource(le, "f.csv")).toThrow('f.csv:1: column "(encoding)", value "UTF-16": the file is UTF-16 (its byte-order mark is 0xFF 0xFE), not UTF-8: save it as UTF-8');
    const be = Uint8Array.from([0xfe, 0xff, ...Buffer.from("a,b\r\n", "utf16le").swap16()]);
    expect(() => decodeSource(be, "f.csv")).toThrow(/byte-order mark is 0xFE 0xFF/);
    expect(() => decodeSource(Buffer.from("a,b\nc,d\n", "utf16le"), "f.csv")).toThrow("f.csv:1: column \"(encoding)\", value \"UTF-16\": the file is UTF-16 (it holds NUL bytes, the first at byte 1)");
  });

  it("decodeSource(bytes, file) names the line and byte of a Latin-1 file, and shows the text there read as Latin-1", () => {
    expect(() => decodeSource(latin1("code,name\nCIV,C\u00f4te d'Ivoire\n"), "wgi.csv")).toThrow(
      `wgi.csv:2: column "(encoding)", value "CIV,Côte d'Ivoire": not UTF-8: byte 15 (0xF4) is not part of a UTF-8 character; the file is likely Latin-1 or Windows-1252`
    );
  });

  it("decodeSource(bytes, file) points past a U+FFFD the file itself holds to the byte that is not UTF-8", () => {
    const bytes = Uint8Array.from([...utf8("a\uFFFD\n"), 0x62, 0xe9, 0x0a]);
    expect(() => decodeSource(bytes, "f.csv")).toThrow(/f\.csv:2: .*byte 6 \(0xE9\)/);
  });

  it("decodeSource(latin1(text)) throws, naming the file and the line, whenever the text holds a letter beyond ASCII (property)", () => {
    const ascii = fc.string({unit: fc.constantFrom(..."abc XYZ,;.-0123456789\n")});
    const accented = fc.constantFrom(..."éèôüãçñÅØßÀÉÍÓÚ°±µ·¼½¾×÷\u00a0");
    fc.assert(
      fc.property(ascii, accented, ascii, (before, letter, after) => {
        const text = before + letter + after;
        let error: unknown = null;
        try {
          decodeSource(latin1(text), "f.csv");
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(SourceError);
        expect((error as SourceError).line).toBe(before.split("\n").length);
        expect((error as SourceError).message).toMatch(/^f\.csv:\d+: column "\(encoding\)".*not UTF-8: byte \d+ .*Latin-1 or Windows-1252/);
      })
    );
  });

  it("decodeSource(utf8(text)) gives the text back, for any text without NUL (property)", () => {
    fc.assert(
      fc.property(fc.string({unit: "grapheme"}).filter((s) => !s.includes("\0")), (text) => {
        expect(decodeSource(utf8(text), "f.csv")).toBe(text);
      })
    );
  });
});
