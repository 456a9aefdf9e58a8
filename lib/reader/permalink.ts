/**
 * Text kept in a link: a query cell's SQL travels in the query string of the page's URL, so that
 * opening the link restores the query. The text is written as a URL-safe token, either
 * "t" + base64url(UTF-8) or "z" + base64url(deflate-raw(UTF-8)), whichever is shorter: a
 * ten-line query compresses to roughly half, which keeps links short enough to paste.
 * Decoding never trusts the token: a malformed token throws PermalinkError, and a compressed token
 * that inflates past MAX_TEXT_LENGTH is refused rather than read (a tiny link cannot fill memory).
 */

/** Longest text a link may carry, in characters (UTF-16 code units) once decoded. */
export const MAX_TEXT_LENGTH = 100_000;

/** Longest token a page writes into its URL; a longer query is not linked (the page says so). */
export const MAX_TOKEN_LENGTH = 4_000;

export class PermalinkError extends Error {
  override name = "PermalinkError";
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/** Base64url without padding (RFC 4648 section 5). */
export function base64urlEncode(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i]!;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | ((b ?? 0) >> 4)]!;
    if (b !== undefined) out += ALPHABET[((b & 15) << 2) | ((c ?? 0) >> 6)]!;
    if (c !== undefined) out += ALPHABET[c & 63]!;
  }
  return out;
}

/** Inverse of base64urlEncode; throws PermalinkError on a character outside the alphabet or a bad length. */
export function base64urlDecode(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new PermalinkError(`not base64url: length ${text.length}`);
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let j = 0;
  for (const char of text) {
    const value = ALPHABET.indexOf(char);
    if (value < 0) throw new PermalinkError(`not base64url: character ${JSON.stringify(char)}`);
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (buffer >> bits) & 255;
    }
  }
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array> {
  const writer = stream.writable.getWriter();
  writer.write(bytes as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const {done, value} = await reader.read();
    if (done) break;
    length += value.byteLength;
    if (length > limit) {
      await reader.cancel();
      throw new PermalinkError(`the link's text is longer than ${limit} bytes`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The token for a text: "t…" (plain) or "z…" (deflated), the shorter; plain on a tie. */
export async function encodeText(text: string): Promise<string> {
  const utf8 = new TextEncoder().encode(text);
  const plain = "t" + base64urlEncode(utf8);
  const deflated = "z" + base64urlEncode(await pipe(utf8, new CompressionStream("deflate-raw"), Infinity));
  return deflated.length < plain.length ? deflated : plain;
}

/** The text of a token written by encodeText; throws PermalinkError when the token is not one. */
export async function decodeText(token: string): Promise<string> {
  const kind = token[0];
  const bytes = base64urlDecode(token.slice(1));
  // Each UTF-16 code unit takes at most 3 bytes of UTF-8.
  const limit = MAX_TEXT_LENGTH * 3;
  let utf8: Uint8Array;
  if (kind === "t") utf8 = bytes;
  else if (kind === "z") {
    try {
      utf8 = await pipe(bytes, new DecompressionStream("deflate-raw"), limit);
    } catch (error) {
      if (error instanceof PermalinkError) throw error;
      throw new PermalinkError("the link's text is damaged (it does not inflate)");
    }
  } else throw new PermalinkError(`unknown token kind ${JSON.stringify(kind ?? "")}`);
  if (utf8.byteLength > limit) throw new PermalinkError(`the link's text is longer than ${limit} bytes`);
  let text: string;
  try {
    text = new TextDecoder("utf-8", {fatal: true}).decode(utf8);
  } catch {
    throw new PermalinkError("the link's text is not UTF-8");
  }
  if (text.length > MAX_TEXT_LENGTH) throw new PermalinkError(`the link's text is longer than ${MAX_TEXT_LENGTH} characters`);
  return text;
}

/** A parameter of a query string ("?a=1&b=2" or "a=1&b=2"); null when absent or empty. */
export function readParam(search: string, name: string): string | null {
  const value = new URLSearchParams(search.startsWith("?") ? search.slice(1) : search).get(name);
  return value === null || value === "" ? null : value;
}

/**
 * The URL with one query-string parameter set (or removed, for null), keeping every other
 * parameter, their order, and the hash: other parts of the page keep their state in the same URL.
 */
export function withParam(href: string, name: string, value: string | null): string {
  const url = new URL(href);
  if (value === null) url.searchParams.delete(name);
  else url.searchParams.set(name, value);
  // URLSearchParams writes "?" alone for an emptied query; a clean URL has none.
  return url.search === "?" ? url.href.replace("?", "") : url.href;
}
