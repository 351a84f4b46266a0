/** Runs compareReports with its significance tests in a fresh worker; the worker ends with the job. */
import type { Comparison } from '../../../core/comparison/compare-reports';
import { packForComparison, transferablesOf } from '../../../core/comparison/comparison-transfer';
import { superviseWorker, type JobReply } from '../../../encoder/supervised-worker';
import type { ComparePair, ComparisonWorkerIn, ComparisonWorkerOut } from './comparison-messages';

/** The tests do not look at messages while they run: a cancelled job's worker is stopped after this. */
const CANCEL_GRACE_MS = 100;
const RUN = 1;

function readReply(m: ComparisonWorkerOut): JobReply | null {
  if (m.type === 'compare-done') return { job: RUN, kind: 'done' };
  return { job: RUN, kind: 'failed', error: new Error(m.message) };
}

export async function compareInWorker(pairs: readonly ComparePair[], signal?: AbortSignal): Promise<Comparison[]> {
  const worker = superviseWorker<ComparisonWorkerIn, ComparisonWorkerOut>({
    name: 'significance',
    createWorker: () => new Worker(new URL('./comparison.worker.ts', import.meta.url), { type: 'module', name: 'significance' }),
    readReply,
    cancelMessage: () => ({ type: 'cancel' }),
    cancelGraceMs: CANCEL_GRACE_MS,
  });
  worker.start();
  try {
    // Only ids and metrics cross over, as columns: the top lists and ranks are most of a report's
    // size, and cloning hundreds of thousands of record objects took seconds.
    const packed = pairs.map((p) => ({ ...p, a: packForComparison(p.a), b: packForComparison(p.b) }));
    const transfer = transferablesOf(packed.flatMap((p) => [p.a, p.b]));
    const m = await worker.run(RUN, { type: 'compare', pairs: packed }, { signal, transfer });
    if (m.type !== 'compare-done') throw new Error(`the significance worker answered ${m.type}`);
    return m.comparisons;
  } finally {
    worker.dispose('the significance tests finished');
  }
}
