import type { RankedBlock } from '../core/evaluation/evaluate-corpus';
import type { Question } from '../core/corpus/types';

/**
 * TREC interchange formats, as trec_eval reads them:
 *   run:   qid Q0 docid rank score tag
 *   qrels: qid 0 docid relevance
 * A cross-lingual query is ranked against several pools, so its run qid carries the pool's
 * language ("<question id>-><lang>"); mono and multi qids are the question id itself.
 */
export function trecQueryId(block: Pick<RankedBlock, 'setting' | 'cellKey'>, questionId: string): string {
  return block.setting === 'cross' ? `${questionId}->${block.cellKey.split('->')[1]}` : questionId;
}

/** Scores are float32: 9 significant digits keep distinct scores distinct, so trec_eval sees our order. */
export function formatRunLines(block: RankedBlock, depth: number, tag: string): string {
  let out = '';
  for (const q of block.ranked) {
    const qid = trecQueryId(block, q.queryId);
    const n = Math.min(depth, q.top.length);
    for (let r = 0; r < n; r++) {
      out += `${qid} Q0 ${block.pool[q.top[r]].id} ${r + 1} ${q.topScores[r].toPrecision(9)} ${tag}\n`;
    }
  }
  return out;
}

export function formatQrelsLines(block: RankedBlock, questions: ReadonlyMap<string, Question>): string {
  const inPool = new Set(block.pool.map((p) => p.id));
  let out = '';
  for (const q of block.ranked) {
    const qid = trecQueryId(block, q.queryId);
    for (const id of questions.get(q.queryId)!.relevant) if (inPool.has(id)) out += `${qid} 0 ${id} 1\n`;
  }
  return out;
}
