import {number, required} from "./validate.js";
import {SourceError} from "./source-error.js";

/**
 * What the readers of the working paper's transcribed tables (data/sources/paper/) share: a
 * position number, and the check that rows are numbered in file order within their groups.
 */

/** A position, a whole number from 1 to 99. */
export const position = (what: string) => required(number({min: 1, max: 99, what}).refine((n) => Number.isInteger(n), `${what} is a whole number`));

/**
 * Checks that rows are numbered in file order: the group number (`outer`) starts at 1 and goes up
 * by one when its name changes, a name keeps its number, and the inner number runs 1, 2, ... within
 * each group. Throws SourceError at the first row that breaks the order.
 */
export function checkOrder<R>(
  rows: {line: number; row: R}[],
  file: string,
  [outer, name, inner]: [keyof R & string, keyof R & string, keyof R & string]
): void {
  let group = 0;
  let groupName = "";
  let expectedInner = 0;
  for (const {line, row} of rows) {
    const o = row[outer] as number;
    const n = row[name] as string;
    if (o === group && n === groupName) expectedInner++;
    else if (o === group + 1 && n !== groupName) {
      group = o;
      groupName = n;
      expectedInner = 1;
    } else throw new SourceError(file, line, outer, String(o), `rows are grouped in order: expected ${group} ("${groupName}") or ${group + 1} for a new ${name}`);
    if (row[inner] !== expectedInner) throw new SourceError(file, line, inner, String(row[inner]), `numbered 1..n within each ${name}; expected ${expectedInner}`);
  }
}
