/** The ranking on screen as CSV or JSON files, for a spreadsheet or a notebook. */
import { escapeCsvField } from '../../../core/analysis/exports';
import type { Passage } from '../../../core/corpus/types';
import type { OneQueryRanking, RankedCandidate } from '../../../core/evaluation/rank-one-query';
import type { SettingName } from '../../../core/metrics/types';

export interface RankingExportInput {
  corpus: string;
  retriever: string;
  query: string;
  questionId: string | null;
  setting: SettingName;
  poolLangs: string[];
  ranking: OneQueryRanking;
  passageById: ReadonlyMap<string, Passage>;
}

const CSV_COLUMNS = ['rank', 'score', 'passage_id', 'lang', 'relevant', 'text'] as const;

/** RFC 4180 quoting, and passage texts starting with = + - @ neutralised (core/analysis/exports). */
const csvField = escapeCsvField;

function rowOf(c: RankedCandidate, passageById: ReadonlyMap<string, Passage>) {
  return { rank: c.rank, score: c.score, passage_id: c.id, lang: c.lang, relevant: c.relevant, text: passageById.get(c.id)?.text ?? '' };
}

/** One line per ranked passage, best first; CRLF line ends as RFC 4180 asks. */
export function rankingToCsv(input: RankingExportInput): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const c of input.ranking.top) {
    const row = rowOf(c, input.passageById);
    lines.push(CSV_COLUMNS.map((k) => csvField(row[k])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The ranking with its context: what was asked, against which pool, where every answer landed. */
export function rankingToJson(input: RankingExportInput): string {
  const { ranking } = input;
  return `${JSON.stringify(
    {
      corpus: input.corpus,
      retriever: input.retriever,
      query: input.query,
      questionId: input.questionId,
      setting: input.setting,
      poolLanguages: input.poolLangs,
      poolSize: ranking.poolSize,
      tieBreak: 'score descending, then passage id descending (as trec_eval)',
      results: ranking.top.map((c) => rowOf(c, input.passageById)),
      answers: ranking.answers.map((c) => ({ rank: c.rank, score: c.score, passage_id: c.id, lang: c.lang })),
      metrics: ranking.metrics,
    },
    null,
    2,
  )}\n`;
}

/** A file name without characters file systems dislike: "ranking-xquad-r-multi.csv". */
export function exportFileName(corpus: string, setting: SettingName, extension: 'csv' | 'json'): string {
  const slug =
    corpus
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'corpus';
  return `ranking-${slug}-${setting}.${extension}`;
}
