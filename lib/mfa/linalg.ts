/**
 * Small dense linear algebra for the MFA engine: row-major Float64Array matrices, Cholesky and LU
 * factorisations, and Gauss-Jordan elimination restricted to chosen columns (which the
 * reconciliation uses to eliminate unmeasured flows). Sized for MFA systems of up to a few hundred
 * flows, where O(n^3) dense methods take milliseconds; no sparse storage, no BLAS.
 */

/** A dense matrix, row-major: entry (i, j) is data[i * cols + j]. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** A rows x cols matrix of zeros. Throws RangeError on a negative or non-integer size. */
export function zeros(rows: number, cols: number): Matrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 0) {
    throw new RangeError(`zeros: size must be non-negative integers, got ${rows} x ${cols}`);
  }
  return {rows, cols, data: new Float64Array(rows * cols)};
}

/** A matrix from nested arrays (rows of equal length). Throws RangeError on ragged rows. */
export function fromRows(rows: readonly (readonly number[])[]): Matrix {
  const cols = rows[0]?.length ?? 0;
  const m = zeros(rows.length, cols);
  rows.forEach((row, i) => {
    if (row.length !== cols) throw new RangeError(`fromRows: row ${i} has ${row.length} entries, expected ${cols}`);
    m.data.set(row, i * cols);
  });
  return m;
}

/** Matrix product a * b. Throws RangeError when the inner dimensions differ. */
export function multiply(a: Matrix, b: Matrix): Matrix {
  if (a.cols !== b.rows) throw new RangeError(`multiply: ${a.rows}x${a.cols} times ${b.rows}x${b.cols}`);
  const out = zeros(a.rows, b.cols);
  const {data: ad} = a;
  const {data: bd} = b;
  const od = out.data;
  for (let i = 0; i < a.rows; i++) {
    for (let k = 0; k < a.cols; k++) {
      const aik = ad[i * a.cols + k]!;
      if (aik === 0) continue; // balance matrices are mostly zeros
      const bRow = k * b.cols;
      const oRow = i * b.cols;
      for (let j = 0; j < b.cols; j++) od[oRow + j]! += aik * bd[bRow + j]!;
    }
  }
  return out;
}

/** Transpose of m. */
export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows);
  for (let i = 0; i < m.rows; i++) for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j]!;
  return out;
}

/** Lower-triangular Cholesky factor L of a symmetric positive definite matrix (A = L L^T). */
export interface Cholesky {
  n: number;
  lower: Float64Array;
}

/**
 * Cholesky factorisation A = L L^T (Golub & Van Loan, Matrix Computations, 4th ed., alg. 4.2.1).
 * Only the lower triangle of A is read. Throws RangeError if A is not square, or if a pivot is
 * <= `tolerance` times the largest diagonal entry, i.e. A is singular or not positive definite
 * (the message names the row, via `label` when given).
 */
export function cholesky(a: Matrix, tolerance = 1e-12, label?: (row: number) => string): Cholesky {
  if (a.rows !== a.cols) throw new RangeError(`cholesky: matrix must be square, got ${a.rows}x${a.cols}`);
  const n = a.rows;
  const l = new Float64Array(n * n);
  let maxDiagonal = 0;
  for (let i = 0; i < n; i++) maxDiagonal = Math.max(maxDiagonal, Math.abs(a.data[i * n + i]!));
  for (let j = 0; j < n; j++) {
    let d = a.data[j * n + j]!;
    for (let k = 0; k < j; k++) d -= l[j * n + k]! ** 2;
    if (!(d > tolerance * maxDiagonal)) {
      throw new RangeError(`cholesky: matrix is singular or not positive definite at ${label ? label(j) : `row ${j}`} (pivot ${d})`);
    }
    const ljj = Math.sqrt(d);
    l[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = a.data[i * n + j]!;
      for (let k = 0; k < j; k++) s -= l[i * n + k]! * l[j * n + k]!;
      l[i * n + j] = s / ljj;
    }
  }
  return {n, lower: l};
}

/** Solve A x = b given A's Cholesky factor; b is overwritten with x and returned. */
export function choleskySolve(f: Cholesky, b: Float64Array): Float64Array {
  const {n, lower: l} = f;
  if (b.length !== n) throw new RangeError(`choleskySolve: right-hand side has length ${b.length}, expected ${n}`);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = b[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * b[k]!;
    b[i] = s / l[i * n + i]!;
  }
  return b;
}

/** LU factorisation with partial pivoting, P A = L U, stored compactly (unit L below the diagonal). */
export interface LU {
  n: number;
  lu: Float64Array;
  /** pivot[i] is the row of A that ended up in row i. */
  pivot: Int32Array;
}

/**
 * LU factorisation with partial (row) pivoting (Golub & Van Loan, alg. 3.4.1). Throws RangeError
 * if A is not square or a pivot is <= `tolerance` times the largest |entry| of A, i.e. A is
 * singular to working precision; the message names the column, via `label` when given.
 */
export function luFactor(a: Matrix, tolerance = 1e-12, label?: (column: number) => string): LU {
  if (a.rows !== a.cols) throw new RangeError(`luFactor: matrix must be square, got ${a.rows}x${a.cols}`);
  const n = a.rows;
  const lu = Float64Array.from(a.data);
  const pivot = new Int32Array(n);
  for (let i = 0; i < n; i++) pivot[i] = i;
  let scale = 0;
  for (const v of lu) scale = Math.max(scale, Math.abs(v));
  for (let k = 0; k < n; k++) {
    let p = k;
    let best = Math.abs(lu[k * n + k]!);
    for (let i = k + 1; i < n; i++) {
      const v = Math.abs(lu[i * n + k]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (!(best > tolerance * scale)) {
      throw new RangeError(`luFactor: matrix is singular at ${label ? label(k) : `column ${k}`}`);
    }
    if (p !== k) {
      for (let j = 0; j < n; j++) {
        const t = lu[k * n + j]!;
        lu[k * n + j] = lu[p * n + j]!;
        lu[p * n + j] = t;
      }
      const t = pivot[k]!;
      pivot[k] = pivot[p]!;
      pivot[p] = t;
    }
    const ukk = lu[k * n + k]!;
    for (let i = k + 1; i < n; i++) {
      const lik = lu[i * n + k]! / ukk;
      lu[i * n + k] = lik;
      if (lik === 0) continue;
      for (let j = k + 1; j < n; j++) lu[i * n + j]! -= lik * lu[k * n + j]!;
    }
  }
  return {n, lu, pivot};
}

/** Solve A x = b from A's LU factors; returns a new array. */
export function luSolve(f: LU, b: ArrayLike<number>): Float64Array {
  const {n, lu, pivot} = f;
  if (b.length !== n) throw new RangeError(`luSolve: right-hand side has length ${b.length}, expected ${n}`);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = b[pivot[i]!]!;
  for (let i = 0; i < n; i++) {
    let s = x[i]!;
    for (let k = 0; k < i; k++) s -= lu[i * n + k]! * x[k]!;
    x[i] = s;
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = x[i]!;
    for (let k = i + 1; k < n; k++) s -= lu[i * n + k]! * x[k]!;
    x[i] = s / lu[i * n + i]!;
  }
  return x;
}

/** Result of {@link eliminate}. */
export interface Elimination {
  /** For each column passed in, the row now holding its pivot, or -1 if the column has none. */
  pivotRow: Int32Array;
  /** Number of pivots found: rows startRow .. startRow + rank - 1 are the pivot rows. */
  rank: number;
}

/**
 * Gauss-Jordan elimination in place on rows startRow.. of m, pivoting only on `columns` (in that
 * order, each on the largest remaining |entry|: partial pivoting). Each pivot is scaled to 1 and
 * cleared from every other row from startRow down, so the pivot rows end in reduced row echelon
 * form on those columns and the rows below them are zero there. Entries at most `tolerance` times
 * the largest |entry| of the pivot columns count as zero. `rowOrigin`, if given, is permuted with
 * the rows so callers can still name the constraint a row came from.
 */
export function eliminate(m: Matrix, columns: readonly number[], startRow = 0, tolerance = 1e-12, rowOrigin?: Int32Array): Elimination {
  const {rows, cols, data} = m;
  let scale = 0;
  for (let i = startRow; i < rows; i++) for (const c of columns) scale = Math.max(scale, Math.abs(data[i * cols + c]!));
  const threshold = tolerance * scale;
  const pivotRow = new Int32Array(columns.length).fill(-1);
  let r = startRow;
  columns.forEach((c, index) => {
    if (r >= rows) return;
    let p = -1;
    let best = threshold;
    for (let i = r; i < rows; i++) {
      const v = Math.abs(data[i * cols + c]!);
      if (v > best) {
        best = v;
        p = i;
      }
    }
    if (p < 0) {
      for (let i = r; i < rows; i++) data[i * cols + c] = 0; // below threshold: round-off, not data
      return;
    }
    if (p !== r) {
      for (let j = 0; j < cols; j++) {
        const t = data[r * cols + j]!;
        data[r * cols + j] = data[p * cols + j]!;
        data[p * cols + j] = t;
      }
      if (rowOrigin) {
        const t = rowOrigin[r]!;
        rowOrigin[r] = rowOrigin[p]!;
        rowOrigin[p] = t;
      }
    }
    const inv = 1 / data[r * cols + c]!;
    for (let j = 0; j < cols; j++) data[r * cols + j]! *= inv;
    data[r * cols + c] = 1;
    for (let i = startRow; i < rows; i++) {
      if (i === r) continue;
      const f = data[i * cols + c]!;
      if (f === 0) continue;
      for (let j = 0; j < cols; j++) data[i * cols + j]! -= f * data[r * cols + j]!;
      data[i * cols + c] = 0;
    }
    pivotRow[index] = r;
    r++;
  });
  return {pivotRow, rank: r - startRow};
}
