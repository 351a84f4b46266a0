/**
 * Which pools an evaluation scores, and which cells (mono X->X, cross X->Y, multi X->*) rank
 * which columns of each scored block. Two plans give the same report:
 * - separate: one pool per passage language (serving its mono cell and every cross cell into
 *   it) plus the multilingual pool; any retriever, BM25 included, whose scores depend on the pool.
 * - sliced: one multilingual pool with each language's passages side by side, scored once per
 *   block of questions; every cell of those questions ranks a column slice of that block. Only for
 *   retrievers whose scores do not depend on the pool (dense dot products): it does half the
 *   scoring work of the separate plan when every setting is asked for.
 */
import type { Corpus, LangCode, Passage, Question } from '../corpus/types';
import { tieKeysDescendingById } from '../metrics/rank-relevant';
import type { SettingName } from '../metrics/types';

export interface Pool {
  key: LangCode | '*';
  passages: Passage[];
  /** Passage id (numbered by PassageIds) -> pool index, -1 when absent; the last of a repeated id wins, as a Map would. */
  indexOfId: Int32Array;
  tieKey: Int32Array;
}

/** Passage ids numbered once per evaluation, so each question's relevant ids are looked up once, not once per pool. */
export class PassageIds {
  readonly number = new Map<string, number>();
  private readonly relevantOf = new Map<Question, Int32Array>();
  constructor(passages: readonly Passage[]) {
    for (const p of passages) if (!this.number.has(p.id)) this.number.set(p.id, this.number.size);
  }
  relevant(q: Question): Int32Array {
    let ids = this.relevantOf.get(q);
    if (!ids) {
      ids = Int32Array.from(q.relevant.map((id) => this.number.get(id) ?? -1).filter((n) => n >= 0));
      this.relevantOf.set(q, ids);
    }
    return ids;
  }
}

export function makePool(key: LangCode | '*', passages: Passage[], ids: PassageIds): Pool {
  const indexOfId = new Int32Array(ids.number.size).fill(-1);
  passages.forEach((p, i) => (indexOfId[ids.number.get(p.id)!] = i));
  return { key, passages, indexOfId, tieKey: tieKeysDescendingById(passages.map((p) => p.id)) };
}

/** Pool indices of q's relevant passages that are in the pool. */
export function relevantIn(pool: Pool, q: Question, ids: PassageIds): Int32Array {
  const idx: number[] = [];
  for (const n of ids.relevant(q)) {
    const i = pool.indexOfId[n];
    if (i >= 0) idx.push(i);
  }
  return Int32Array.from(idx);
}

/** One cell's share of a scored block: its pool is the scored pool's columns [offset, offset + size). */
export interface CellView {
  setting: SettingName;
  key: string;
  queryLang: LangCode;
  pool: Pool;
  offset: number;
}

/** Questions of one language scored together against a step's pool, ranked by each of its cells. */
export interface QueryGroup {
  queryLang: LangCode;
  questions: Question[];
  cells: CellView[];
}

export interface PlanStep {
  /** The pool handed to the retriever and scored. */
  pool: () => Pool;
  /** Filled in for the step's pool by its groups' cells, since pools are made when the step runs. */
  groups: (pool: Pool) => QueryGroup[];
}

export interface EvaluationPlan {
  steps: PlanStep[];
  /** Cell keys of each setting in report order (pools in language order, then query languages), whichever plan ran. */
  order: Map<SettingName, string[]>;
  ids: PassageIds;
  /** Question x cell pairs to rank, for progress. */
  total: number;
}

const settingOf = (x: LangCode, y: LangCode): SettingName => (x === y ? 'mono' : 'cross');

export function planEvaluation(corpus: Corpus, languages: readonly LangCode[], settings: readonly SettingName[], sliceable: boolean): EvaluationPlan {
  const questionsOf = new Map<LangCode, Question[]>(languages.map((l) => [l, []]));
  for (const q of corpus.questions) questionsOf.get(q.lang)?.push(q);
  const passagesOf = new Map<LangCode, Passage[]>(languages.map((l) => [l, []]));
  for (const p of corpus.passages) passagesOf.get(p.lang)?.push(p);
  const ids = new PassageIds(corpus.passages);

  const order = new Map<SettingName, string[]>(settings.map((s) => [s, []]));
  let total = 0;
  const add = (setting: SettingName, x: LangCode, key: string) => {
    const keys = order.get(setting);
    if (!keys) return;
    keys.push(key);
    total += questionsOf.get(x)!.length;
  };
  for (const y of languages) for (const x of languages) add(settingOf(x, y), x, `${x}->${y}`);
  for (const x of languages) add('multi', x, `${x}->*`);

  const cell = (setting: SettingName, x: LangCode, pool: Pool, offset: number): CellView => ({
    setting,
    key: `${x}->${pool.key}`,
    queryLang: x,
    pool,
    offset,
  });
  const steps: PlanStep[] = [];
  const multi = settings.includes('multi');
  if (sliceable && languages.length > 1 && (multi || settings.includes('cross'))) {
    // Each language's passages side by side, so a language's cells read one contiguous slice.
    const slices: { y: LangCode; passages: Passage[]; offset: number }[] = [];
    let offset = 0;
    for (const y of languages) {
      slices.push({ y, passages: passagesOf.get(y)!, offset });
      offset += passagesOf.get(y)!.length;
    }
    steps.push({
      pool: () =>
        makePool(
          '*',
          slices.flatMap((s) => s.passages),
          ids,
        ),
      groups: (all) => {
        const pools = slices.map((s) => ({ ...s, pool: makePool(s.y, s.passages, ids) }));
        return languages.map((x) => {
          const cells = pools.filter((s) => settings.includes(settingOf(x, s.y))).map((s) => cell(settingOf(x, s.y), x, s.pool, s.offset));
          if (multi) cells.push(cell('multi', x, all, 0));
          return { queryLang: x, questions: questionsOf.get(x)!, cells };
        });
      },
    });
    return { steps, order, ids, total };
  }

  for (const y of languages) {
    const xs = languages.filter((x) => settings.includes(settingOf(x, y)));
    if (xs.length === 0) continue;
    steps.push({
      pool: () => makePool(y, passagesOf.get(y)!, ids),
      groups: (pool) => xs.map((x) => ({ queryLang: x, questions: questionsOf.get(x)!, cells: [cell(settingOf(x, y), x, pool, 0)] })),
    });
  }
  if (multi) {
    steps.push({
      pool: () =>
        makePool(
          '*',
          corpus.passages.filter((p) => passagesOf.has(p.lang)),
          ids,
        ),
      groups: (pool) => languages.map((x) => ({ queryLang: x, questions: questionsOf.get(x)!, cells: [cell('multi', x, pool, 0)] })),
    });
  }
  return { steps, order, ids, total };
}
