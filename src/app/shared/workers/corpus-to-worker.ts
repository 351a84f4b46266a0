/**
 * A corpus sent to a worker in parts, in slices of page time, and put back together there. One
 * postMessage of a whole 200 MB corpus clones it on the page in one task (760 ms measured);
 * parts of 1,000 passages clone in a few milliseconds each, and the page yields between slices.
 */
import { joinCorpus, splitCorpus, withoutContexts, type LoadedWithParts } from '../../../core/corpus/corpus-parts';
import { pageSlices } from '../page-slices';
import type { CorpusPartMessage, WorkerCorpus } from './worker-messages';

const PART_SIZE = 1000;

/**
 * Posts every part of `loaded` (without paragraph contexts) as corpusId: the parts it arrived in
 * where it has them, else new ones. Throws the abort reason if `signal` aborts first.
 */
export async function postCorpusInParts(
  loaded: LoadedWithParts,
  corpusId: number,
  post: (message: CorpusPartMessage) => void,
  opts: { signal?: AbortSignal } = {},
): Promise<void> {
  const slices = pageSlices(opts);
  for (const part of loaded.parts ?? splitCorpus(loaded, PART_SIZE, { contexts: false })) {
    await slices.next();
    post({ type: 'corpus-part', corpusId, part: withoutContexts(part) });
  }
}

/** The worker's side: collects one corpus's parts; a part of another corpusId starts over. */
export function receiveCorpusParts() {
  let receiving: { corpusId: number; join: ReturnType<typeof joinCorpus> } | null = null;
  return {
    /** Adds a part; returns the corpus when this was its last part, else null. */
    add(message: CorpusPartMessage): WorkerCorpus | null {
      if (receiving?.corpusId !== message.corpusId) receiving = { corpusId: message.corpusId, join: joinCorpus() };
      receiving.join.add(message.part);
      if (message.part.kind !== 'end') return null;
      const { corpus } = receiving.join.finish();
      receiving = null;
      return corpus;
    },
    /** Forgets a corpus whose sending stopped (the page cancelled the load). */
    drop(corpusId: number): void {
      if (receiving?.corpusId === corpusId) receiving = null;
    },
  };
}
