/**
 * The last training run per encoder and corpus, kept in this browser (IndexedDB) so a reload with
 * the same corpus and model shows the results again and the ranking view's Strategy switch works
 * without retraining. Keyed by encoder id and a content hash of the corpus, so an edited corpus
 * never picks up adapters fitted to another. Adapters are stored as their .xlad bytes (the
 * exported file format); the live Adapter objects are rebuilt from them. A full quota or a browser
 * without IndexedDB must never stop training: callers show a notice and carry on.
 */
import type { Corpus } from '../../../core/corpus/types';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { languageMixFromJson } from '../../../core/metrics/language-mix';
import type { Adapter } from '../../../core/training/adapter';
import { deserializeAdapter } from '../../../core/training/adapter-file';
import type { ExperimentResult, StrategyResult } from '../../../core/training/run-experiment';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import { hashTexts } from '../../../encoder/content-hash';
import { openKeyValueDb, requestResult, transactionDone } from '../../../encoder/key-value-db';
import type { LossPoint } from './training-messages';

/** Bump when a stored record's shape or meaning changes: older records are then ignored. */
export const ADAPTER_CACHE_VERSION = 1;
const DB_NAME = 'xling-adapters';
const STORE = 'runs';

/** A strategy's result as stored: the adapter only as its file bytes. */
export type StoredStrategyResult = Omit<StrategyResult, 'adapter'>;

export interface CachedTrainingRecord {
  version: number;
  key: string;
  encoderId: string;
  dim: number;
  corpusName: string;
  corpusHash: string;
  /** When the run finished (ms since the epoch). */
  trainedAt: number;
  /** The training form as submitted (the Training tab's settings). */
  form: Record<string, unknown>;
  lossCurves: Partial<Record<BatchStrategy, LossPoint[]>>;
  lossTotalSteps: number;
  /** The whole result (rows, reports, split with the test qids, loss curves, .xlad bytes), minus live adapters. */
  result: Omit<ExperimentResult, 'strategies'> & { strategies: StoredStrategyResult[] };
}

export interface RestoredTraining {
  record: CachedTrainingRecord;
  result: ExperimentResult;
  byStrategy: Partial<Record<BatchStrategy, Adapter>>;
}

/** A content hash of everything that decides a split and a score: ids, languages, texts, relevance. */
export function hashCorpus(corpus: Corpus): string {
  const texts: string[] = [];
  for (const p of corpus.passages) texts.push(`p\t${p.id}\t${p.lang}\t${p.text}`);
  for (const q of corpus.questions) texts.push(`q\t${q.id}\t${q.qid}\t${q.lang}\t${q.text}\t${q.relevant.join(',')}`);
  return hashTexts(texts);
}

export function adapterCacheKey(encoderId: string, corpusHash: string): string {
  return [`v${ADAPTER_CACHE_VERSION}`, encoderId, corpusHash].join('|');
}

export interface CacheRecordInput {
  result: ExperimentResult;
  corpusHash: string;
  form: object;
  lossCurves: Partial<Record<BatchStrategy, LossPoint[]>>;
  lossTotalSteps: number;
  trainedAt: number;
}

export function buildCacheRecord(input: CacheRecordInput): CachedTrainingRecord {
  const { result } = input;
  return {
    version: ADAPTER_CACHE_VERSION,
    key: adapterCacheKey(result.encoder.id, input.corpusHash),
    encoderId: result.encoder.id,
    dim: result.encoder.dim,
    corpusName: result.corpus.name,
    corpusHash: input.corpusHash,
    trainedAt: input.trainedAt,
    form: { ...input.form },
    lossCurves: input.lossCurves,
    lossTotalSteps: input.lossTotalSteps,
    result: { ...result, strategies: result.strategies.map(({ adapter: _a, ...s }) => s) },
  };
}

/**
 * Turns a stored value back into a result with live adapters, or null when it is from another
 * cache version, another key, or not a record at all (then the caller trains afresh).
 */
export function restoreCacheRecord(value: unknown, key: string): RestoredTraining | null {
  const record = value as Partial<CachedTrainingRecord> | null | undefined;
  if (!record || typeof record !== 'object' || record.version !== ADAPTER_CACHE_VERSION || record.key !== key) return null;
  const stored = record.result;
  if (!stored || !Array.isArray(stored.strategies) || typeof record.dim !== 'number' || typeof record.trainedAt !== 'number') return null;
  const byStrategy: Partial<Record<BatchStrategy, Adapter>> = {};
  const strategies: StrategyResult[] = [];
  for (const s of stored.strategies) {
    if (!(s.adapterBytes instanceof Uint8Array)) return null;
    const { adapter } = deserializeAdapter(s.adapterBytes, { dim: record.dim }, `cached ${s.shortName} adapter`);
    byStrategy[s.name] = adapter;
    strategies.push({ ...s, adapter, report: withMixMap(s.report) });
  }
  const result = { ...stored, baseline: { ...stored.baseline, report: withMixMap(stored.baseline.report) }, strategies };
  return { record: record as CachedTrainingRecord, result, byStrategy };
}

/**
 * Records saved before the language mix became a Map hold it as a plain object (IndexedDB keeps a
 * Map as a Map): read either, so an earlier run is not lost.
 */
function withMixMap(report: EvalReport): EvalReport {
  return report.languageMix ? { ...report, languageMix: languageMixFromJson(report.languageMix, 'cached report: languageMix') } : report;
}

export interface AdapterCache {
  get(key: string): Promise<unknown>;
  /** Rejects with the browser's error (QuotaExceededError when storage is full). */
  put(record: CachedTrainingRecord): Promise<void>;
  /** Forgets every cached run. */
  clear(): Promise<void>;
}

/** The IndexedDB cache; opening is lazy, and a failure to open rejects every call. */
export function createIndexedDbAdapterCache(name = DB_NAME): AdapterCache {
  let db: Promise<IDBDatabase> | null = null;
  const transaction = async (mode: IDBTransactionMode) => {
    db ??= openKeyValueDb(name, ADAPTER_CACHE_VERSION, STORE, 'adapter cache');
    return (await db).transaction(STORE, mode);
  };
  return {
    async get(key) {
      const tx = await transaction('readonly');
      return requestResult(tx.objectStore(STORE).get(key));
    },
    async put(record) {
      const tx = await transaction('readwrite');
      const done = transactionDone(tx);
      tx.objectStore(STORE).put(record, record.key);
      await done;
    },
    async clear() {
      const tx = await transaction('readwrite');
      const done = transactionDone(tx);
      tx.objectStore(STORE).clear();
      await done;
    },
  };
}

/** The browser's cache, or null where there is no IndexedDB (Node, some private modes). */
export function createDefaultAdapterCache(): AdapterCache | null {
  return typeof indexedDB === 'undefined' ? null : createIndexedDbAdapterCache();
}
