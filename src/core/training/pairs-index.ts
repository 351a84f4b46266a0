import type { Corpus, LangCode } from '../corpus/types';

/**
 * Which (question, answer passage) pairs exist, per language-independent question id and
 * language, as rows of a query embedding matrix and a passage embedding matrix. Training pairs
 * are (question of qid k in language X, answer passage of qid k in language Y).
 */
export interface PairsIndex {
  /** Distinct question ids; position = qid index. */
  qids: readonly string[];
  languages: readonly LangCode[];
  /** queryRow[k * languages.length + l]: row of qid k's question in language l, or -1. */
  queryRow: Int32Array;
  /** passageRow[k * languages.length + l]: row of qid k's answer passage in language l, or -1. */
  passageRow: Int32Array;
  /**
   * Answer group per qid: questions whose answer is the same sentence share a group, and the
   * loss never treats one's answer as a negative for the other (they would be false negatives).
   */
  answerGroup: Int32Array;
}

export interface PairRowInput {
  qid: string;
  lang: LangCode;
  row: number;
}

/**
 * Builds the index from the query rows and answer-passage rows that exist. `answerKeys` (qid ->
 * key, e.g. the answer sentence's translation group) lets qids sharing an answer be masked;
 * without it each qid is its own group.
 */
export function buildPairsIndex(input: {
  languages: readonly LangCode[];
  queries: readonly PairRowInput[];
  answers: readonly PairRowInput[];
  answerKeys?: ReadonlyMap<string, string>;
}): PairsIndex {
  const { languages, queries, answers } = input;
  const langPos = new Map<LangCode, number>();
  languages.forEach((lang, i) => langPos.set(lang, i));
  if (langPos.size !== languages.length) throw new RangeError('buildPairsIndex: languages lists a language twice');

  const qidPos = new Map<string, number>();
  const qids: string[] = [];
  for (const list of [queries, answers]) {
    for (const item of list) {
      if (!qidPos.has(item.qid)) {
        qidPos.set(item.qid, qids.length);
        qids.push(item.qid);
      }
    }
  }
  const L = languages.length;
  const queryRow = new Int32Array(qids.length * L).fill(-1);
  const passageRow = new Int32Array(qids.length * L).fill(-1);
  const fill = (list: readonly PairRowInput[], target: Int32Array, what: string): void => {
    list.forEach((item, i) => {
      const l = langPos.get(item.lang);
      if (l === undefined) {
        throw new RangeError(`buildPairsIndex: ${what}[${i}] has language "${item.lang}", expected one of ${languages.join(', ')}`);
      }
      if (!Number.isInteger(item.row) || item.row < 0) {
        throw new RangeError(`buildPairsIndex: ${what}[${i}].row = ${item.row}, expected a non-negative integer`);
      }
      const cell = (qidPos.get(item.qid) as number) * L + l;
      if (target[cell] !== -1 && target[cell] !== item.row) {
        throw new RangeError(`buildPairsIndex: ${what}[${i}] gives qid "${item.qid}" a second row in "${item.lang}"`);
      }
      target[cell] = item.row;
    });
  };
  fill(queries, queryRow, 'queries');
  fill(answers, passageRow, 'answers');

  const answerGroup = new Int32Array(qids.length);
  const groupPos = new Map<string, number>();
  qids.forEach((qid, k) => {
    const key = input.answerKeys?.get(qid);
    if (key === undefined) {
      answerGroup[k] = -1 - k; // a group of its own, never equal to a keyed group
      return;
    }
    let g = groupPos.get(key);
    if (g === undefined) {
      g = groupPos.size;
      groupPos.set(key, g);
    }
    answerGroup[k] = g;
  });
  return { qids, languages: [...languages], queryRow, passageRow, answerGroup };
}

/**
 * The pairs of a corpus whose query rows are indices into corpus.questions and passage rows
 * indices into corpus.passages. A question's answer passage in language L is its relevant
 * passage in L; the answer group is that passage's translation group (or its id).
 */
export function buildPairsIndexFromCorpus(corpus: Corpus): PairsIndex {
  const passageRowById = new Map<string, number>();
  corpus.passages.forEach((p, i) => passageRowById.set(p.id, i));
  const queries: PairRowInput[] = [];
  const answers: PairRowInput[] = [];
  const seenAnswer = new Set<string>();
  const answerKeys = new Map<string, string>();
  corpus.questions.forEach((question, row) => {
    queries.push({ qid: question.qid, lang: question.lang, row });
    question.relevant.forEach((passageId, r) => {
      const passageIdx = passageRowById.get(passageId);
      if (passageIdx === undefined) {
        throw new RangeError(`buildPairsIndexFromCorpus: questions[${row}].relevant[${r}] = "${passageId}" is not a passage id of corpus "${corpus.name}"`);
      }
      const passage = corpus.passages[passageIdx];
      const cellKey = `${question.qid}\u0000${passage.lang}`;
      if (seenAnswer.has(cellKey)) return; // several relevant sentences in one language: keep the first
      seenAnswer.add(cellKey);
      answers.push({ qid: question.qid, lang: passage.lang, row: passageIdx });
      if (!answerKeys.has(question.qid)) answerKeys.set(question.qid, passage.group ?? passage.id);
    });
  });
  return buildPairsIndex({ languages: corpus.languages, queries, answers, answerKeys });
}

/** A copy of the index keeping only the given qids and languages (rows unchanged). */
export function restrictPairsIndex(index: PairsIndex, keepQids: ReadonlySet<string>, keepLanguages: readonly LangCode[]): PairsIndex {
  const L = index.languages.length;
  const langMap = keepLanguages.map((lang) => {
    const l = index.languages.indexOf(lang);
    if (l < 0) throw new RangeError(`restrictPairsIndex: language "${lang}" is not in the index (${index.languages.join(', ')})`);
    return l;
  });
  const kept: number[] = [];
  index.qids.forEach((qid, k) => {
    if (keepQids.has(qid)) kept.push(k);
  });
  const L2 = langMap.length;
  const queryRow = new Int32Array(kept.length * L2);
  const passageRow = new Int32Array(kept.length * L2);
  const answerGroup = new Int32Array(kept.length);
  kept.forEach((k, i) => {
    answerGroup[i] = index.answerGroup[k];
    langMap.forEach((l, j) => {
      queryRow[i * L2 + j] = index.queryRow[k * L + l];
      passageRow[i * L2 + j] = index.passageRow[k * L + l];
    });
  });
  return { qids: kept.map((k) => index.qids[k]), languages: [...keepLanguages], queryRow, passageRow, answerGroup };
}
