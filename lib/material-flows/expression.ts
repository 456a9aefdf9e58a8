/**
 * Arithmetic on the paper's stated figures, for flows the paper gives as a share of a total:
 * "ni_first_use_2021 * ni_first_use_stainless_share" is 3596 kt x 71 % = 2553.16 kt. Grammar:
 *
 *   expr   = term (("+" | "-") term)*
 *   term   = factor (("*" | "/") factor)*
 *   factor = number | figure-id | "(" expr ")"
 *
 * A figure in % counts as a share (71 % -> 0.71). Masses are tracked by dimension: a figure in a
 * mass unit has dimension 1, a share or number 0; * adds, / subtracts, + and - need equal
 * dimensions, and the whole must be a mass (dimension 1) in the unit the caller expects.
 */

/** A figure the expression may name: its value and unit ("%" or a mass unit such as "kt Li"). */
export interface Figure {
  value: number;
  unit: string;
}

/** Value of an expression, and the figure ids it names in order of appearance. */
export interface Evaluated {
  value: number;
  ids: string[];
}

type Token = {kind: "num"; value: number} | {kind: "id"; id: string} | {kind: "op"; op: string};

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const re = /\s*(?:(\d+(?:\.\d+)?)|([a-z][a-z0-9_]*)|([-+*/()]))/y;
  let at = 0;
  while (at < text.length) {
    if (/^\s*$/.test(text.slice(at))) break;
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) throw new SyntaxError(`cannot read "${text.slice(at).trim()}"`);
    if (m[1] !== undefined) tokens.push({kind: "num", value: Number(m[1])});
    else if (m[2] !== undefined) tokens.push({kind: "id", id: m[2]});
    else tokens.push({kind: "op", op: m[3]!});
    at = re.lastIndex;
  }
  return tokens;
}

/**
 * Evaluates `text` on `figures` and checks that the result is a mass in `unit`. Throws
 * SyntaxError on text it cannot parse, RangeError on an unknown figure, a figure in a unit other
 * than % or `unit`, a sum of a mass and a share, a result that is not a mass, division by zero,
 * or a result that is not finite.
 */
export function evaluateExpression(text: string, figures: ReadonlyMap<string, Figure>, unit: string): Evaluated {
  const tokens = tokenize(text);
  const ids: string[] = [];
  let i = 0;
  const peek = () => tokens[i];
  type Dim = {value: number; dim: number};

  function factor(): Dim {
    const t = tokens[i++];
    if (!t) throw new SyntaxError(`"${text}" ends too early`);
    if (t.kind === "num") return {value: t.value, dim: 0};
    if (t.kind === "id") {
      const f = figures.get(t.id);
      if (!f) throw new RangeError(`unknown paper figure "${t.id}"`);
      ids.push(t.id);
      if (f.unit === "%") return {value: f.value / 100, dim: 0};
      if (f.unit === unit) return {value: f.value, dim: 1};
      throw new RangeError(`paper figure "${t.id}" is in "${f.unit}", not % or ${unit}`);
    }
    if (t.op === "(") {
      const v = expr();
      const close = tokens[i++];
      if (!close || close.kind !== "op" || close.op !== ")") throw new SyntaxError(`missing ")" in "${text}"`);
      return v;
    }
    throw new SyntaxError(`unexpected "${t.op}" in "${text}"`);
  }

  function term(): Dim {
    let left = factor();
    for (let t = peek(); t?.kind === "op" && (t.op === "*" || t.op === "/"); t = peek()) {
      i++;
      const right = factor();
      if (t.op === "*") left = {value: left.value * right.value, dim: left.dim + right.dim};
      else {
        if (right.value === 0) throw new RangeError(`division by zero in "${text}"`);
        left = {value: left.value / right.value, dim: left.dim - right.dim};
      }
    }
    return left;
  }

  function expr(): Dim {
    let left = term();
    for (let t = peek(); t?.kind === "op" && (t.op === "+" || t.op === "-"); t = peek()) {
      i++;
      const right = term();
      if (right.dim !== left.dim) throw new RangeError(`"${text}" adds or subtracts a mass and a share`);
      left = {value: t.op === "+" ? left.value + right.value : left.value - right.value, dim: left.dim};
    }
    return left;
  }

  if (tokens.length === 0) throw new SyntaxError(`empty expression`);
  const result = expr();
  if (i < tokens.length) throw new SyntaxError(`unexpected text after position ${i} in "${text}"`);
  if (result.dim !== 1) throw new RangeError(`"${text}" is not a mass in ${unit}`);
  if (!Number.isFinite(result.value)) throw new RangeError(`"${text}" is not finite`);
  return {value: result.value, ids};
}
