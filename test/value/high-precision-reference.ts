/**
 * Slow arbitrary-precision references for the tests of special-functions.ts and bg-nbd.ts: the
 * defining series of ₂F₁ summed in BigInt fixed point (hundreds to thousands of bits), from the
 * exact binary values of the double inputs. Independent of the code under test: no
 * transformation, no error estimate, no double arithmetic in the sum. Not used by the models.
 */

/** An exact fixed-point number: value = n / 2^bits. */
interface Fixed {
  n: bigint;
  bits: bigint;
}

/** The exact value of a double, in fixed point with `bits` fractional bits (exact if bits ≥ 1074). */
function exact(x: number, bits: bigint): bigint {
  if (x === 0) return 0n;
  if (!Number.isFinite(x)) throw new RangeError(`not finite: ${x}`);
  // x = m·2^e with m an integer of at most 53 bits.
  let e = Math.floor(Math.log2(Math.abs(x))) - 52;
  let m = x / 2 ** e;
  while (!Number.isInteger(m)) {
    e -= 1;
    m = x / 2 ** e;
  }
  const shift = bits + BigInt(e);
  return shift >= 0n ? BigInt(m) << shift : BigInt(m) / (1n << -shift);
}

/** A fixed-point number as the nearest-ish double (correct to ~1 ulp). */
function toDouble({ n, bits }: Fixed): number {
  const negative = n < 0n;
  const v = negative ? -n : n;
  const length = BigInt(v.toString(2).length);
  const drop = length > 64n ? length - 64n : 0n;
  const r = Number(v >> drop) * 2 ** Number(drop - bits);
  return negative ? -r : r;
}

function abs(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/**
 * The sum Σ (a)_n (b)_n / (c)_n z^n / n! in fixed point, stopped once the terms have fallen below
 * 2^−(bits − 64) of the sum and are still falling (past the smaller numerator parameter; for the
 * parameters the tests use, one numerator parameter small or close to c, the ratio of the terms
 * then stays below 1, so what is left is far below the precision asked for).
 */
function seriesFixed(a: number, b: number, c: number, z: number, bits: bigint, maxTerms: number): bigint {
  const one = 1n << bits;
  const mul = (x: bigint, y: bigint) => (x * y) >> bits;
  const div = (x: bigint, y: bigint) => (x << bits) / y;
  const [A, B, C, Z] = [exact(a, bits), exact(b, bits), exact(c, bits), exact(z, bits)];
  let term = one;
  let sum = one;
  const settled = Math.min(Math.abs(a), Math.abs(b)) + 10;
  for (let n = 0; n < maxTerms; n++) {
    const N = BigInt(n) << bits;
    const previous = abs(term);
    term = div(mul(mul(mul(term, A + N), B + N), Z), mul(C + N, N + one));
    sum += term;
    if (term === 0n) return sum;
    if (n > settled && abs(term) < previous && abs(term) < abs(sum) >> (bits - 64n)) return sum;
  }
  throw new RangeError(
    `reference series for ₂F₁(${a}, ${b}; ${c}; ${z}) did not settle in ${maxTerms} terms`,
  );
}

/** ₂F₁(a, b; c; z), |z| < 1, by its defining series in `bits`-bit fixed point. */
export function hyp2f1Reference(
  a: number,
  b: number,
  c: number,
  z: number,
  bits = 512,
  maxTerms = 200_000,
): number {
  const B = BigInt(bits);
  return toDouble({ n: seriesFixed(a, b, c, z, B, maxTerms), bits: B });
}

/**
 * E[purchases in the next t weeks | alive] of the BG/NBD in its own terms (see
 * expectedAlivePurchases: s = r + x, a, B = b + x, u = t/(α + T)) for a whole number s, by eq. 10's
 * closed form (a + B − 1)/(a − 1)·[1 − w^s ₂F₁(s, B; a + B − 1; z)], w = 1/(1 + u), z = u/(1 + u),
 * every step in fixed point: the cancellation that ruins it in doubles costs nothing here.
 */
export function expectedAlivePurchasesReference(s: number, a: number, B: number, u: number): number {
  if (!Number.isInteger(s) || s < 1) throw new RangeError('the reference needs a whole number s ≥ 1');
  // Enough bits for w^s and for the cancellation in 1 − w^s·F.
  const bits = BigInt(
    256 + Math.ceil(s * Math.log2(1 + u)) + Math.ceil(Math.log2(2 + (a + B) / Math.abs(a - 1))),
  );
  const one = 1n << bits;
  const mul = (x: bigint, y: bigint) => (x * y) >> bits;
  const div = (x: bigint, y: bigint) => (x << bits) / y;
  const U = exact(u, bits);
  const w = div(one, one + U);
  const z = div(U, one + U);
  const c = exact(a, bits) + exact(B, bits) - one;
  // The series with the fixed-point z, so that w + z = 1 exactly.
  const [S, Bf] = [exact(s, bits), exact(B, bits)];
  let term = one;
  let sum = one;
  for (let n = 0; n < 5_000_000; n++) {
    const N = BigInt(n) << bits;
    const previous = abs(term);
    term = div(mul(mul(mul(term, S + N), Bf + N), z), mul(c + N, N + one));
    sum += term;
    if (term === 0n) break;
    if (n > s + 10 && abs(term) < previous && abs(term) < abs(sum) >> (bits - 64n)) break;
  }
  let ws = one;
  for (let i = 0; i < s; i++) ws = mul(ws, w);
  const k = div(c, exact(a, bits) - one);
  return toDouble({ n: mul(k, one - mul(ws, sum)), bits });
}
