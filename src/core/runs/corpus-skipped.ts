import type { LangCode } from '../corpus/types';
import type { CorpusJudgments } from './lang-map';
import type { EvalReport } from '../evaluation/eval-report';

/**
 * With the corpus at hand, each cell's `skipped` as the evaluation counts it: the corpus questions
 * of the cell's query language with no relevant passage in its pool. A run file cannot say this
 * (the evaluation writes no lines for such questions), the corpus can. Returns a new report.
 */
export function withCorpusSkipped(report: EvalReport, corpus: CorpusJudgments): EvalReport {
  const langOf = new Map(corpus.passages.map((p) => [p.id, p.lang]));
  const settings: EvalReport['settings'] = {};
  for (const [name, s] of Object.entries(report.settings)) {
    const cells = s.cells.map((cell) => {
      const pool = new Set<LangCode>(cell.passageLang === '*' ? report.languages : [cell.passageLang]);
      let skipped = 0;
      for (const q of corpus.questions) {
        if (q.lang !== cell.queryLang) continue;
        if (!q.relevant.some((id) => pool.has(langOf.get(id) ?? ''))) skipped++;
      }
      return { ...cell, skipped };
    });
    settings[name as keyof EvalReport['settings']] = { ...s, cells };
  }
  return { ...report, settings };
}
