/** How far each language's answer moved between two rankings of the same query (side by side). */
import type { LangCode } from '../../../core/corpus/types';
import { buildAnswerLadder, type RankedCandidate } from '../../../core/evaluation/rank-one-query';

/**
 * Per language present in both: `from` rank minus `to` rank of the language's best answer, so a
 * positive number is places climbed. Languages with an answer in only one ranking are left out.
 */
export function answerRankShifts(from: readonly RankedCandidate[], to: readonly RankedCandidate[]): Map<LangCode, number> {
  const before = new Map(buildAnswerLadder(from).rungs.map((r) => [r.lang, r.rank]));
  const shifts = new Map<LangCode, number>();
  for (const rung of buildAnswerLadder(to).rungs) {
    const was = before.get(rung.lang);
    if (was !== undefined) shifts.set(rung.lang, was - rung.rank);
  }
  return shifts;
}
