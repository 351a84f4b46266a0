/**
 * Saving the corpus's current rows (the model's, an open file's, or a trained adapter's) as
 * Parquet or .npy + ids: embedded on the page's encoder, written in the embeddings-file worker,
 * cancellable throughout (nothing is downloaded then).
 */
import { corpusEmbeddingSet } from '../../../core/embeddings/corpus-embedding-set';
import { adaptedEncoderLabel } from '../../../core/embeddings/encoder-label';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import { downloadFile } from '../../shared/download';
import { currentEncoder } from '../../shared/services';
import type { AppState } from '../../app-store';
import { selectAdaptersFor, useTraining } from '../training/training-slice';
import { writeEmbeddingsInWorker } from './embeddings-file-client';
import type { EmbeddingsFormat } from './embeddings-file-messages';
import { embeddingsFileStem } from './embeddings-files';
import { IMPORTED_ID } from './imported-embeddings';

/** The read or save in progress (one at a time: the buttons are disabled meanwhile) and what to say when it is cancelled. */
let work: { controller: AbortController; cancelled: string } | null = null;

export function startWork(cancelled: string): AbortController {
  work = { controller: new AbortController(), cancelled };
  return work.controller;
}

export function endWork(controller: AbortController): void {
  if (work?.controller === controller) work = null;
}

/** Aborts the work in progress; what to say about it, or null when nothing ran. */
export function cancelWork(): string | null {
  if (!work) return null;
  const { controller, cancelled } = work;
  work = null;
  controller.abort();
  return cancelled;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export async function saveCorpusEmbeddings(
  get: () => AppState,
  set: (partial: Partial<AppState>) => void,
  format: EmbeddingsFormat,
  strategy?: BatchStrategy,
): Promise<void> {
  const s = get();
  const encoder = currentEncoder();
  const info = s.encoderInfo;
  if (!s.active || !encoder || !info || s.retrieverId === 'bm25') {
    set({ embeddingsProblem: 'Choose a model, or open an embeddings file, first: BM25 has no embeddings to save.' });
    return;
  }
  const label = s.retrieverId === IMPORTED_ID && s.imported ? (s.imported.label ?? s.imported.source) : info.encoderId;
  const adapter = strategy ? selectAdaptersFor(useTraining.getState(), info.encoderId)?.byStrategy[strategy] : undefined;
  if (strategy && !adapter) {
    set({ embeddingsProblem: `No ${strategy} adapter is trained for ${info.label}: train in the Training tab first.` });
    return;
  }
  const { corpus } = s.active;
  const stem = embeddingsFileStem(corpus.name, strategy ? adaptedEncoderLabel(label, strategy) : label);
  set({ embeddingsProblem: null, embeddingsNotice: null, embeddingsWork: { stage: 'Preparing the rows…', done: 0, total: 0 } });
  const controller = startWork(`Saving ${stem} was cancelled; nothing was downloaded.`);
  const { signal } = controller;
  try {
    const onProgress = (p: ProgressInfo) => !signal.aborted && set({ embeddingsWork: p });
    const passageRows = await encoder.embed(
      corpus.passages.map((p) => p.text),
      'passage',
      { onProgress, signal },
    );
    const questionRows = await encoder.embed(
      corpus.questions.map((q) => q.text),
      'query',
      { onProgress, signal },
    );
    signal.throwIfAborted();
    set({ embeddingsWork: { stage: `Writing ${stem}.${format}…`, done: 0, total: 0 } });
    const rows = corpusEmbeddingSet({
      corpus,
      passageRows,
      questionRows,
      dim: encoder.dim,
      encoder: strategy ? adaptedEncoderLabel(label, strategy) : label,
      source: stem,
    });
    const files = await writeEmbeddingsInWorker({ set: rows, format, stem, adapter }, { signal });
    files.forEach(downloadFile);
    set({
      embeddingsWork: null,
      embeddingsNotice: `Saved ${files.map((f) => f.name).join(' and ')}: ${corpus.passages.length} passages and ${corpus.questions.length} questions, ${encoder.dim} values each${strategy ? `, through the ${strategy} adapter` : ''}.`,
    });
  } catch (e) {
    if (!signal.aborted) set({ embeddingsWork: null, embeddingsProblem: `Saving the embeddings failed: ${message(e)}` });
  } finally {
    endWork(controller);
  }
}
