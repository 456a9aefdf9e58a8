/**
 * An invalid value in a source file. The message names the file, line, column and value and the
 * rule the value broke, so that a failed build says exactly what to fix.
 */
export class SourceError extends Error {
  override name = "SourceError";
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly value: unknown,
    readonly rule: string
  ) {
    super(`${file}:${line}: column "${column}", value ${JSON.stringify(value)}: ${rule}`);
  }
}
