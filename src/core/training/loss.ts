import { createForwardWorkspace, forwardAdapterSteps, type AdapterShape, type ForwardWorkspace } from './adapter';
import { transposeInto } from '../numeric/dense-kernels';
import { product, runProducts, runProductsSync, type MatrixProducts, type ProductSteps } from '../numeric/matrix-products';

export interface InfoNceOptions {
  /** Softmax temperature; logits are cosines / tau. The paper does not give one; 0.05 is the common choice for E5/XLM-R retrievers. */
  tau: number;
  /**
   * Off (default): question-to-passage only, as the paper describes the loss. On: the mean of
   * that and the passage-to-question direction (each passage against the batch's questions).
   */
  symmetric: boolean;
}

export const DEFAULT_INFO_NCE: InfoNceOptions = { tau: 0.05, symmetric: false };

/**
 * A batch for the loss: x holds 2B rows of raw (frozen) embeddings, the B questions first and
 * then their B answer passages, so pair i is (row i, row B + i).
 */
export interface LossBatch {
  x: Float64Array;
  size: number;
  /**
   * Optional answer group per pair: passage j is left out of question i's negatives when
   * j != i and groups[j] == groups[i] (two questions with the same answer sentence).
   */
  groups?: Int32Array;
}

/**
 * InfoNCE over in-batch negatives with W applied to both sides:
 *   u_i = W q_i / |W q_i|, v_j = W p_j / |W p_j|, logit_ij = u_i . v_j / tau,
 *   L = mean_i [ logsumexp_j logit_ij - logit_ii ]   (+ the column direction when symmetric).
 * Gradients are analytic: dL/dlogit = (softmax - onehot) / B; through the cosine to u and v;
 * through the normalisation, dL/dy = (g - y_hat (y_hat . g)) / |y|; and through the linear map,
 * dL/dDelta = sum_rows dL/dy x^T (full) or the U / V^T products (low rank).
 * Keeps its scratch buffers between calls; not safe to share between concurrent trainers.
 */
export interface InfoNceLoss {
  /**
   * Returns the loss; when `grad` is given, writes dL/dparams into it (overwriting). When
   * `record` is given, also fills it with what the step saw (the teaching step-through reads it).
   */
  evaluate(params: Float64Array, batch: LossBatch, grad: Float64Array | null, record?: LossRecord): number;
  /** evaluate with the matrix products on `products` (float32 backends move the loss by about 1e-6 relative). */
  evaluateWith(products: MatrixProducts | undefined, params: Float64Array, batch: LossBatch, grad: Float64Array | null): Promise<number>;
}

/** One evaluation's inner figures, B x B row-major (row = question, column = passage). */
export interface LossRecord {
  size: number;
  /** Cosine of adapted question i and adapted passage j (NaN where masked as the same answer). */
  cosines: Float64Array;
  /** Softmax of cosine / tau over each row (0 where masked). */
  probabilities: Float64Array;
  /** dL/dlogit: negative pulls the pair together, positive pushes it apart. */
  dLogits: Float64Array;
  /** Question i's term of the loss: logsumexp of its row minus its own logit. */
  rowLoss: Float64Array;
}

export function createInfoNceLoss(shape: AdapterShape, options: InfoNceOptions = DEFAULT_INFO_NCE): InfoNceLoss {
  const { tau, symmetric } = options;
  if (!(tau > 0)) throw new RangeError(`createInfoNceLoss: tau must be positive, got ${tau}`);
  const d = shape.dim;
  const r = shape.rank;
  let capacity = 0;
  let fws: ForwardWorkspace = createForwardWorkspace(shape, 0);
  let y = new Float64Array(0); // 2B x d: W x, then normalised in place
  let norms = new Float64Array(0); // 2B
  let logits = new Float64Array(0); // B x B
  let dLogits = new Float64Array(0); // B x B, then its transpose reuses tmpBB
  let tmpBB = new Float64Array(0);
  let yT = new Float64Array(0); // d x 2B
  let gY = new Float64Array(0); // 2B x d
  let gYT = new Float64Array(0); // d x 2B
  let xT = new Float64Array(0); // d x 2B
  let zT = new Float64Array(0); // r x 2B
  let gZ = new Float64Array(0); // 2B x r
  let gZT = new Float64Array(0); // r x 2B
  let uT = new Float64Array(0); // r x d
  let rowMax = new Float64Array(0);
  let rowSum = new Float64Array(0);

  const ensure = (b: number): void => {
    if (b <= capacity) return;
    capacity = b;
    const n = 2 * b;
    fws = createForwardWorkspace(shape, n);
    y = new Float64Array(n * d);
    norms = new Float64Array(n);
    logits = new Float64Array(b * b);
    dLogits = new Float64Array(b * b);
    tmpBB = new Float64Array(b * b);
    yT = new Float64Array(d * n);
    gY = new Float64Array(n * d);
    gYT = new Float64Array(d * n);
    xT = new Float64Array(d * n);
    zT = new Float64Array(r * n);
    gZ = new Float64Array(n * r);
    gZT = new Float64Array(r * n);
    uT = new Float64Array(r * d);
    rowMax = new Float64Array(b);
    rowSum = new Float64Array(b);
  };

  function* steps(params: Float64Array, batch: LossBatch, grad: Float64Array | null, record?: LossRecord): ProductSteps<number> {
    const b = batch.size;
    const n = 2 * b;
    if (batch.x.length < n * d) {
      throw new RangeError(`InfoNCE: batch.x holds ${batch.x.length} values, expected 2 x ${b} rows x ${d}`);
    }
    if (b < 2) {
      if (grad) grad.fill(0);
      return 0; // one pair has no negatives: nothing to learn
    }
    ensure(b);
    const x = batch.x;
    const groups = batch.groups;

    yield* forwardAdapterSteps(shape, params, x, n, y, fws);
    for (let i = 0; i < n; i++) {
      let s = 0;
      const base = i * d;
      for (let c = 0; c < d; c++) s += y[base + c] * y[base + c];
      const norm = Math.sqrt(s);
      norms[i] = norm;
      const inv = norm > 0 ? 1 / norm : 0;
      for (let c = 0; c < d; c++) y[base + c] *= inv;
    }
    const uHat = y.subarray(0, b * d);
    const vHat = y.subarray(b * d, n * d);
    yield product(uHat, vHat, logits, b, b, d);
    const invTau = 1 / tau;
    for (let i = 0; i < b * b; i++) logits[i] *= invTau;
    // Masked entries become -Infinity: exp() = 0, so they drop out of softmax and gradient.
    if (groups) {
      for (let i = 0; i < b; i++) {
        for (let j = 0; j < b; j++) if (j !== i && groups[j] === groups[i]) logits[i * b + j] = -Infinity;
      }
    }

    // Question -> passage: softmax over each row.
    let loss = 0;
    for (let i = 0; i < b; i++) {
      let max = -Infinity;
      for (let j = 0; j < b; j++) if (logits[i * b + j] > max) max = logits[i * b + j];
      let sum = 0;
      for (let j = 0; j < b; j++) sum += Math.exp(logits[i * b + j] - max);
      rowMax[i] = max;
      rowSum[i] = sum;
      const term = max + Math.log(sum) - logits[i * b + i];
      if (record) record.rowLoss[i] = term;
      loss += term;
    }
    const weight = symmetric ? 0.5 / b : 1 / b;
    loss *= weight;
    if (grad || record) {
      for (let i = 0; i < b; i++) {
        for (let j = 0; j < b; j++) {
          const p = Math.exp(logits[i * b + j] - rowMax[i]) / rowSum[i];
          dLogits[i * b + j] = weight * (p - (i === j ? 1 : 0));
        }
      }
    }
    if (symmetric) {
      // Passage -> question: softmax over each column.
      let colLoss = 0;
      for (let j = 0; j < b; j++) {
        let max = -Infinity;
        for (let i = 0; i < b; i++) if (logits[i * b + j] > max) max = logits[i * b + j];
        let sum = 0;
        for (let i = 0; i < b; i++) sum += Math.exp(logits[i * b + j] - max);
        colLoss += max + Math.log(sum) - logits[j * b + j];
        if (grad || record) {
          for (let i = 0; i < b; i++) {
            const p = Math.exp(logits[i * b + j] - max) / sum;
            dLogits[i * b + j] += weight * (p - (i === j ? 1 : 0));
          }
        }
      }
      loss += weight * colLoss;
    }
    if (record) fillRecord(record, b, logits, dLogits, rowMax, rowSum, tau);
    if (!grad) return loss;

    // dL/dS = dL/dlogits / tau; gU = dS V_hat, gV = dS^T U_hat.
    for (let i = 0; i < b * b; i++) dLogits[i] *= invTau;
    transposeInto(y, n, d, yT); // yT = [U_hat^T | V_hat^T], d x 2B
    // gU[i, c] = sum_j dS[i, j] vHat[j, c]: rows of dS against rows of V_hat^T.
    // yT's rows are length 2B, so copy the needed halves into contiguous B-wide blocks.
    const uHatT = gYT.subarray(0, d * b);
    const vHatT = gYT.subarray(d * b, d * n);
    for (let c = 0; c < d; c++) {
      for (let i = 0; i < b; i++) {
        uHatT[c * b + i] = yT[c * n + i];
        vHatT[c * b + i] = yT[c * n + b + i];
      }
    }
    yield product(dLogits, vHatT, gY.subarray(0, b * d), b, d, b);
    transposeInto(dLogits, b, b, tmpBB);
    yield product(tmpBB, uHatT, gY.subarray(b * d, n * d), b, d, b);

    // Through the normalisation: g_y = (g - y_hat (y_hat . g)) / |y|.
    for (let i = 0; i < n; i++) {
      const base = i * d;
      let dot = 0;
      for (let c = 0; c < d; c++) dot += y[base + c] * gY[base + c];
      const inv = norms[i] > 0 ? 1 / norms[i] : 0;
      for (let c = 0; c < d; c++) gY[base + c] = (gY[base + c] - y[base + c] * dot) * inv;
    }

    transposeInto(gY, n, d, gYT);
    transposeInto(x, n, d, xT);
    if (r === 0) {
      // dDelta[a, c] = sum_rows gY[row, a] x[row, c].
      yield product(gYT, xT, grad, d, d, n);
      return loss;
    }
    // Low rank, y = x + U z, z = V^T x:
    //   dU[a, s] = sum_rows gY[row, a] z[row, s];  gZ[row, s] = sum_a gY[row, a] U[a, s];
    //   dV^T[s, c] = sum_rows gZ[row, s] x[row, c].
    const u = params.subarray(0, d * r);
    transposeInto(fws.z, n, r, zT);
    yield product(gYT, zT, grad.subarray(0, d * r), d, r, n);
    transposeInto(u, d, r, uT);
    yield product(gY, uT, gZ, n, r, d);
    transposeInto(gZ, n, r, gZT);
    yield product(gZT, xT, grad.subarray(d * r, 2 * d * r), r, d, n);
    return loss;
  }
  return {
    evaluate: (params, batch, grad, record) => runProductsSync(steps(params, batch, grad, record)),
    evaluateWith: (products, params, batch, grad) => runProducts(steps(params, batch, grad), products),
  };
}

/** An empty record for batches of `size` pairs. */
export function createLossRecord(size: number): LossRecord {
  const bb = size * size;
  return { size, cosines: new Float64Array(bb), probabilities: new Float64Array(bb), dLogits: new Float64Array(bb), rowLoss: new Float64Array(size) };
}

function fillRecord(record: LossRecord, b: number, logits: Float64Array, dLogits: Float64Array, rowMax: Float64Array, rowSum: Float64Array, tau: number): void {
  if (record.size !== b) throw new RangeError(`InfoNCE: the record is for ${record.size} pairs, the batch has ${b}`);
  for (let i = 0; i < b; i++) {
    for (let j = 0; j < b; j++) {
      const l = logits[i * b + j];
      record.cosines[i * b + j] = Number.isFinite(l) ? l * tau : Number.NaN;
      record.probabilities[i * b + j] = Math.exp(l - rowMax[i]) / rowSum[i];
      record.dLogits[i * b + j] = dLogits[i * b + j];
    }
  }
}
