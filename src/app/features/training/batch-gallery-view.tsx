/**
 * Batches made visible: for each strategy, the first batches its sampler draws from the open
 * corpus (or the synthetic benchmark), as a grid of (question language, passage language) squares:
 * the diagonal is each question's own answer, every other square an in-batch negative.
 */
import { useMemo, useState } from 'react';
import type { Corpus } from '../../../core/corpus/types';
import { drawBatchGallery, trainingPairsOf, type GalleryBatch } from '../../../core/teaching/batch-gallery';
import { BATCH_STRATEGIES, type BatchStrategy } from '../../../core/training/strategy-names';
import { STRATEGY_LABELS } from '../../../core/training/strategy-names';

const SIZE = 6;
const COUNT = 3;

function BatchGrid({ batch, index }: { batch: GalleryBatch; index: number }) {
  const n = batch.chips.length;
  return (
    <figure className="bg-batch" data-testid="batch" data-mode={batch.mode}>
      <figcaption>
        Batch {index + 1}: {batch.mode}, {n} pairs, {batch.sameLanguageNegatives} of {batch.negatives} negatives in the question’s language
      </figcaption>
      <table className="bg-grid">
        <thead>
          <tr>
            <th scope="col">question ↓ passage →</th>
            {batch.chips.map((c, j) => (
              <th key={j} scope="col">
                {c.pLang}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {batch.chips.map((chip, i) => (
            <tr key={i}>
              <th scope="row">
                {chip.qid} · {chip.qLang}
              </th>
              {batch.cells.slice(i * n, (i + 1) * n).map((cell) => (
                <td
                  key={cell.col}
                  className={`bg-cell ${cell.positive ? 'positive' : cell.masked ? 'masked' : cell.sameLanguage ? 'same' : 'other'}`}
                  data-testid="batch-cell"
                  data-kind={cell.positive ? 'positive' : cell.masked ? 'masked' : 'negative'}
                  data-same-language={cell.sameLanguage}
                >
                  {cell.positive ? 'answer' : cell.masked ? 'same answer' : cell.sameLanguage ? `neg · ${cell.pLang}` : `neg`}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

export function BatchGalleryView({ corpus, seed }: { corpus: Corpus; seed: number }) {
  const [strategy, setStrategy] = useState<BatchStrategy>('monolingual');
  const pairs = useMemo(() => trainingPairsOf(corpus, { testFraction: 0.2, seed, heldOutLanguages: [] }), [corpus, seed]);
  const gallery = useMemo(() => {
    try {
      return drawBatchGallery(pairs, strategy, { batchSize: SIZE, count: COUNT, seed });
    } catch (e) {
      return e instanceof Error ? e.message : String(e);
    }
  }, [pairs, strategy, seed]);
  return (
    <section className="card bg" aria-labelledby="bg-title" data-testid="batch-gallery" data-tour-panel="batches">
      <h3 id="bg-title">What a batch holds</h3>
      <p className="muted">
        The first {COUNT} batches of {SIZE} pairs the training sampler draws from {corpus.name}, with seed {seed}. Each row is a question; the square on the
        diagonal is its answer, which training pulls closer; every other square is an in-batch negative, pushed away.
      </p>
      <div className="inline wrap" role="group" aria-label="Batch strategy">
        {BATCH_STRATEGIES.map((s) => (
          <button key={s} type="button" className="button small" aria-pressed={strategy === s} onClick={() => setStrategy(s)} data-testid={`gallery-${s}`}>
            {STRATEGY_LABELS[s]}
          </button>
        ))}
      </div>
      {typeof gallery === 'string' ? (
        <p className="hint-box">{gallery}</p>
      ) : (
        <>
          <p className="sv-reading" data-testid="gallery-reading">
            {gallery.reading}
          </p>
          <div className="bg-batches">
            {gallery.batches.map((b, i) => (
              <BatchGrid key={`${strategy}-${i}`} batch={b} index={i} />
            ))}
          </div>
          <p className="muted bg-legend">
            <span className="bg-key positive">answer</span> the pair’s own answer · <span className="bg-key same">neg · de</span> a negative in the question’s
            language · <span className="bg-key other">neg</span> a negative in another language · <span className="bg-key masked">same answer</span> left out of
            the loss
          </p>
        </>
      )}
    </section>
  );
}
