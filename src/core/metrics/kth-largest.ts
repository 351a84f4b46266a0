/**
 * The k-th largest score of a row, the threshold top-k selection and exact re-scoring start from.
 * Small k (the report's top 10) keep a min-heap of the best k: after the first few hundred
 * candidates almost every one is rejected by one comparison with the heap's root. Larger k copy
 * the row's numbers into scratch and quickselect, one linear pass either way; neither sorts.
 */

/** Up to this k a heap; beyond it a quickselect over a copy of the row. */
export const HEAP_MAX_K = 64;

// Scratch reused across calls, so scoring thousands of rows does not churn the GC.
const heap = new Float64Array(HEAP_MAX_K);
let copy = new Float64Array(0);

/**
 * The k-th largest of scores[offset .. offset+size), counting equal scores once each, NaN never:
 * at least k candidates score at or above it. -Infinity when fewer than k scores are numbers.
 */
export function kthLargest(scores: Float32Array, offset: number, size: number, k: number): number {
  if (!Number.isInteger(k) || k < 1 || k > size) throw new RangeError(`kthLargest: k must be an integer in [1, ${size}], got ${k}`);
  return k <= HEAP_MAX_K ? byHeap(scores, offset, size, k) : bySelect(scores, offset, size, k);
}

function byHeap(scores: Float32Array, offset: number, size: number, k: number): number {
  heap.fill(-Infinity, 0, k);
  let root = -Infinity;
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    if (!(s > root)) continue; // most candidates, and NaN
    // Replace the root (the smallest kept) and sift it down.
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= k) break;
      const r = l + 1;
      const c = r < k && heap[r] < heap[l] ? r : l;
      if (heap[c] >= s) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = s;
    root = heap[0];
  }
  return root;
}

function bySelect(scores: Float32Array, offset: number, size: number, k: number): number {
  if (copy.length < size) copy = new Float64Array(size);
  let n = 0;
  for (let j = 0; j < size; j++) {
    const s = scores[offset + j];
    copy[n] = s;
    n += s === s ? 1 : 0; // drop NaN without a branch
  }
  if (n < k) return -Infinity;
  return selectAscending(copy, n, n - k);
}

/** Quickselect (Hoare partition): the value a[k] would hold were a[0 .. n) sorted ascending; reorders a. */
export function selectAscending(a: Float64Array, n: number, k: number): number {
  let left = 0;
  let right = n - 1;
  while (right > left) {
    const pivot = a[(left + right) >>> 1];
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i++] = a[j];
        a[j--] = t;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return a[k];
}
