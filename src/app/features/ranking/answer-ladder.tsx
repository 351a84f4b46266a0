import { useState } from 'react';
import { buildAnswerLadder } from '../../../core/evaluation/rank-one-query';
import { describeRungPlace, readLadder } from '../../../core/teaching/ladder-reading';
import { describeLanguage } from '../../shared/lang-names';
import { answerRankShifts } from './ladder-shift';
import type { Ranking } from './ranking-slice';
import { LangBadge } from '../../ui/lang-badge';

/** Position on a log scale from rank 1 (left) to the pool size (right), in percent. */
function logPosition(rank: number, poolSize: number): number {
  if (poolSize <= 1) return 0;
  return (100 * Math.log(rank)) / Math.log(poolSize);
}

/** 1, then 10, 100, … below the pool size (with room to read), then the pool size. */
function axisTicks(poolSize: number): number[] {
  const ticks: number[] = [1];
  for (let t = 10; t * 3 < poolSize; t *= 10) ticks.push(t);
  return poolSize > 1 ? [...ticks, poolSize] : ticks;
}

/** "↑37" (climbed), "↓2" (fell) or "=" against the other ranking of a side-by-side view. */
function describeShift(shift: number): { text: string; kind: 'up' | 'down' | 'same' } {
  if (shift > 0) return { text: `↑${shift.toLocaleString('en')}`, kind: 'up' };
  if (shift < 0) return { text: `↓${(-shift).toLocaleString('en')}`, kind: 'down' };
  return { text: '=', kind: 'same' };
}

export interface AnswerLadderProps {
  ranking: Ranking | null;
  /** Side by side: the other ranking of the same query; each rung then says how far its answer moved from there. */
  against?: Ranking | null;
  /** Against the page flow (side by side) rather than sticky beside the list. */
  inline?: boolean;
}

/** A phone-width window: the ladder's rungs start folded there. */
const narrowScreen = () => typeof window !== 'undefined' && window.matchMedia?.('(max-width: 600px)').matches === true;

export function AnswerLadder({ ranking, against = null, inline = false }: AnswerLadderProps) {
  const [open, setOpen] = useState(() => !narrowScreen());
  const inPlay = ranking?.ladderLangs ?? null;
  if (!ranking || !inPlay) {
    return (
      <aside className="ladder empty" aria-label="Answer ladder">
        <h3>Answer ladder</h3>
        <p className="hint">Pick a benchmark question to see where its answer lands in every language.</p>
      </aside>
    );
  }
  const pool = ranking.ladder ?? ranking.main;
  const ladder = buildAnswerLadder(pool.answers);
  const shifts = against ? answerRankShifts((against.ladder ?? against.main).answers, pool.answers) : null;
  const climbed = shifts ? [...shifts.values()].filter((n) => n > 0).length : 0;
  const missing = inPlay.filter((l) => !ladder.rungs.some((r) => r.lang === l));
  const best = ladder.rungs[0];
  const worst = ladder.rungs[ladder.rungs.length - 1];
  const zeroScores = ladder.rungs.filter((r) => r.score === 0).length;
  const lexical = ranking.retriever === 'bm25';
  const reading = readLadder(ladder.rungs, null, lexical);
  const left = best ? logPosition(best.rank, pool.poolSize) : 0;
  const right = worst ? logPosition(worst.rank, pool.poolSize) : 0;

  return (
    <aside
      className={`ladder${inline ? ' ladder-inline' : ''}${shifts ? ' with-shifts' : ''}`}
      aria-label={`Answer ladder: ${ranking.label}`}
      data-testid="answer-ladder"
      data-tour-panel={inline ? undefined : 'ladder'}
    >
      <h3>Answer ladder</h3>
      {ladder.rungs.length > 1 && (
        <p className="ladder-distance" data-testid="max-rank-distance" data-value={ladder.maxRankDistance}>
          Maximum rank distance <b>{ladder.maxRankDistance.toLocaleString('en')}</b>
          <span className="muted"> ({reading.summary.slice(reading.summary.indexOf('(') + 1, -1)})</span>
        </p>
      )}
      {/* Folded on a phone so the list starts on the first screen; the figure above stays. */}
      <details className="ladder-body" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary data-testid="ladder-toggle">{open ? 'The rank in each language' : `Show the rank in each language (${ladder.rungs.length})`}</summary>
        <p className="ladder-caption">
          Rank of the answer in each language of the multilingual pool ({pool.poolSize.toLocaleString('en')} passages, log scale).
        </p>
        {ladder.rungs.length > 1 && (
          <p className="ladder-definition hint" data-testid="ladder-definition">
            Highest minus lowest rank of the answer across languages; the least possible here is {reading.floor}. Band: from the best to the worst language.
            Filled dot: the answer in that language; hollow dot: score 0{lexical ? ', no word shared with the question' : ''}.
          </p>
        )}
        {reading.extremesTied && (
          <p className="hint" data-testid="ladder-tie-note">
            Tied answers:{' '}
            {reading.rungs
              .filter((r) => r.tied)
              .map((r) => `${r.lang} ${describeRungPlace(r)}`)
              .join(', ')}
            . Inside a tie the order is by passage id, so which language comes last is not the retriever’s choice.
          </p>
        )}
        <ol className="rungs">
          {ladder.rungs.map((r) => (
            <li
              key={r.lang}
              className="rung"
              data-testid="rung"
              data-lang={r.lang}
              data-rank={r.rank}
              data-shift={shifts?.get(r.lang)}
              title={`${describeLanguage(r.lang)}: rank ${r.rank}`}
            >
              <LangBadge lang={r.lang} />
              <span className="rung-track">
                <span className="rung-span" style={{ left: `${left}%`, width: `${Math.max(0.5, right - left)}%` }} />
                <span
                  className={`rung-dot${r.rank <= ranking.topK ? ' in-top' : ''}${r.score === 0 ? ' no-match' : ''}`}
                  style={{ left: `${logPosition(r.rank, pool.poolSize)}%` }}
                />
              </span>
              <span className="rung-rank">{r.rank.toLocaleString('en')}</span>
              {shifts && (
                <span className={`rung-shift ${describeShift(shifts.get(r.lang) ?? 0).kind}`}>
                  {shifts.has(r.lang) ? describeShift(shifts.get(r.lang)!).text : ''}
                </span>
              )}
            </li>
          ))}
        </ol>
        <div className="rung-axis" aria-hidden="true">
          {axisTicks(pool.poolSize).map((t) => (
            <span key={t} style={{ left: `${logPosition(t, pool.poolSize)}%` }}>
              {t.toLocaleString('en')}
            </span>
          ))}
        </div>
        {/* Below the rungs, so the two ladders of a side-by-side view line up. */}
        {shifts && against && (
          <p className="ladder-shift-caption" data-testid="ladder-climbed" data-value={climbed}>
            Arrows: places each answer moved against {against.label}; {climbed} of {shifts.size} climbed.
          </p>
        )}
        {zeroScores > 0 && (
          <p className="hint">
            <span className="rung-dot-key" aria-hidden="true" /> score 0 in {zeroScores} language{zeroScores === 1 ? '' : 's'}: no word in common with the
            question, so these answers tie with every other such passage (ties are ordered by passage id).
          </p>
        )}
        {missing.length > 0 && <p className="hint">No answer in: {missing.map(describeLanguage).join(', ')}.</p>}
      </details>
    </aside>
  );
}
