// Ordinary least squares by Householder QR (Golub & Van Loan, Matrix Computations, §5.3),
// stable where the normal equations are not. Reports rank deficiency instead of guessing.

export interface OlsFit {
  coefficients: number[];
  rss: number;
}

/** Fit y ≈ X b; X is row-major n × k. Returns null when X has (near) dependent columns. */
export function ols(X: number[][], y: number[]): OlsFit | null {
  const n = X.length;
  const k = X[0]?.length ?? 0;
  if (n < k || k === 0) return null;
  const A = X.map((r) => [...r]);
  const b = [...y];
  const scale = Math.max(1e-300, ...X.flatMap((r) => r.map(Math.abs)));
  for (let j = 0; j < k; j++) {
    let norm = 0;
    for (let i = j; i < n; i++) norm += A[i][j] * A[i][j];
    norm = Math.sqrt(norm);
    if (norm <= 1e-10 * scale * Math.sqrt(n)) return null;
    const alpha = A[j][j] > 0 ? -norm : norm;
    const v = new Array<number>(n).fill(0);
    for (let i = j; i < n; i++) v[i] = A[i][j];
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let c = j; c < k; c++) {
      let s = 0;
      for (let i = j; i < n; i++) s += v[i] * A[i][c];
      const f = (2 * s) / vv;
      for (let i = j; i < n; i++) A[i][c] -= f * v[i];
    }
    let s = 0;
    for (let i = j; i < n; i++) s += v[i] * b[i];
    const f = (2 * s) / vv;
    for (let i = j; i < n; i++) b[i] -= f * v[i];
  }
  const coef = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j];
    for (let c = j + 1; c < k; c++) s -= A[j][c] * coef[c];
    coef[j] = s / A[j][j];
  }
  let rss = 0;
  for (let i = k; i < n; i++) rss += b[i] * b[i];
  return { coefficients: coef, rss };
}
