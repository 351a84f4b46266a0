/**
 * One InfoNCE step on a tiny batch, step by step: the similarity matrix, the softmax of each row,
 * the loss, the pulls and pushes of the gradient, and the matrix after one optimiser step. All
 * numbers come from the training code (stepThroughInfoNce calls loss.ts and adamw.ts).
 */
import { useMemo, useState } from 'react';
import { createSampler } from '../../../core/training/samplers';
import type { BatchStrategy } from '../../../core/training/strategy-names';
import { generateSyntheticBenchmark } from '../../../core/training/synthetic-benchmark';
import { stepThroughInfoNce } from '../../../core/teaching/infonce-step';

const STAGES = [
  {
    key: 'cosines',
    title: '1. Similarities',
    text: 'Cosine of each question (row) with each passage of the batch (column). The diagonal holds each question’s own answer.',
  },
  {
    key: 'probabilities',
    title: '2. Softmax per row',
    text: 'Each row divided by the temperature and turned into shares that sum to 100%: how much the loss believes each passage is the answer.',
  },
  {
    key: 'loss',
    title: '3. Loss',
    text: 'Each row’s loss is minus the log of its answer’s share; the batch loss is their mean. It is 0 only when every answer takes all of its row.',
  },
  {
    key: 'forces',
    title: '4. Gradient',
    text: 'The gradient pulls each question towards its answer (green, diagonal) and pushes it from every other passage, hardest from the ones with the largest share.',
  },
  { key: 'after', title: '5. After one step', text: 'One optimiser step later the answers’ shares have grown and the loss has fallen.' },
] as const;

export function InfoNceStepView({ seed, strategy = 'cross-lingual' }: { seed: number; strategy?: BatchStrategy }) {
  const [stage, setStage] = useState(0);
  const step = useMemo(() => {
    const bench = generateSyntheticBenchmark({ seed, questions: 40, dim: 16, languages: ['en', 'de', 'zh', 'ar'], noise: 0.8 });
    const batch = createSampler(strategy, { pairsIndex: bench.pairs, batchSize: 4, seed }).next();
    return stepThroughInfoNce({ queryEmb: bench.queryEmb, passageEmb: bench.passageEmb, dim: bench.dim, pairs: bench.pairs, batch });
  }, [seed, strategy]);
  const s = STAGES[stage];
  const matrix = s.key === 'cosines' ? step.before.cosines : s.key === 'after' ? step.after.probabilities : step.before.probabilities;
  const fmt = s.key === 'cosines' ? (v: number) => v.toFixed(2) : (v: number) => `${Math.round(100 * v)}%`;
  const force = (i: number, j: number) => step.forces.find((f) => f.question === i && f.passage === j);
  return (
    <section className="card is" aria-labelledby="is-title" data-testid="infonce-step" data-tour-panel="infonce">
      <h3 id="is-title">One InfoNCE step on a batch of four</h3>
      <p className="muted">
        A {strategy} batch of 4 pairs from a small synthetic benchmark (16-d, 4 languages), temperature {step.tau}, computed by the training code itself.
      </p>
      <div className="inline wrap" role="group" aria-label="Stage">
        {STAGES.map((x, i) => (
          <button
            key={x.key}
            type="button"
            className="button small"
            aria-pressed={stage === i}
            onClick={() => setStage(i)}
            data-testid={`infonce-stage-${x.key}`}
          >
            {x.title}
          </button>
        ))}
      </div>
      <p className="sv-reading" data-testid="infonce-text">
        {s.text}
      </p>
      <table className="is-matrix" data-testid="infonce-matrix" data-stage={s.key}>
        <caption className="sr-only">{s.title}</caption>
        <thead>
          <tr>
            <th scope="col">question ↓ passage →</th>
            {step.pairs.map((p) => (
              <th key={p.qid} scope="col">
                {p.qid}’s answer · {p.pLang}
              </th>
            ))}
            {(s.key === 'loss' || s.key === 'after') && <th scope="col">row loss</th>}
          </tr>
        </thead>
        <tbody>
          {step.pairs.map((p, i) => (
            <tr key={p.qid}>
              <th scope="row">
                {p.qid} · {p.qLang}
              </th>
              {matrix[i].map((v, j) => {
                const f = force(i, j);
                return (
                  <td key={j} className={i === j ? 'diag' : ''} data-testid="infonce-cell">
                    {s.key === 'forces' && f ? `${f.kind === 'pull' ? '⇢ pull' : '⇠ push'} ${(f.strength * 100).toFixed(1)}` : fmt(v)}
                  </td>
                );
              })}
              {s.key === 'loss' && <td>{step.before.rowLoss[i].toFixed(2)}</td>}
              {s.key === 'after' && <td>{step.after.rowLoss[i].toFixed(2)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p data-testid="infonce-loss">
        Batch loss {step.before.loss.toFixed(3)}
        {s.key === 'after' && ` → ${step.after.loss.toFixed(3)} after one step (AdamW, learning rate ${step.lr})`}
      </p>
      {s.key === 'forces' && (
        <ul className="is-lines">
          {step.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      <div className="inline">
        <button type="button" className="button small" disabled={stage === 0} onClick={() => setStage(stage - 1)}>
          Back
        </button>
        <button
          type="button"
          className="button small primary"
          disabled={stage === STAGES.length - 1}
          onClick={() => setStage(stage + 1)}
          data-testid="infonce-next"
        >
          Next
        </button>
      </div>
    </section>
  );
}
