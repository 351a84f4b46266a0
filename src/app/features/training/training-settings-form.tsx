import type { LangCode } from '../../../core/corpus/types';
import { BATCH_STRATEGIES, STRATEGY_LABELS } from '../../../core/training/strategy-names';
import { NumberField } from '../../ui/number-field';
import { useTraining } from './training-slice';

export interface TrainingSettingsFormProps {
  /** Languages that can be held out: the corpus's, or the synthetic benchmark's. */
  languages: readonly LangCode[];
  /** The loaded dense model, for the source option; null when only BM25 is in use. */
  encoderLabel: string | null;
  corpusName: string | null;
  running: boolean;
}

const STRATEGY_HINTS = {
  monolingual: 'every pair in one language, one language per batch',
  'cross-lingual': 'question and passage in two different languages',
  hybrid: 'a monolingual batch with probability alpha, else a cross-lingual one',
} as const;

/** The experiment's settings: data, strategies, alpha, epochs, batch size, temperature, held-out languages. */
export function TrainingSettingsForm({ languages, encoderLabel, corpusName, running }: TrainingSettingsFormProps) {
  const form = useTraining((s) => s.trainingForm);
  const { setTrainingForm, toggleTrainingStrategy, toggleHeldOutLanguage } = useTraining.getState();
  const hybrid = form.strategies.includes('hybrid');
  return (
    <fieldset className="tr-form" disabled={running}>
      <legend className="sr-only">Training settings</legend>
      <div className="tr-group" role="radiogroup" aria-label="Embeddings to train on">
        <span className="tr-group-label">Train on</span>
        <label className="tr-check">
          <input
            type="radio"
            name="tr-source"
            checked={form.source === 'corpus'}
            onChange={() => setTrainingForm({ source: 'corpus' })}
            data-testid="training-source-corpus"
          />
          {encoderLabel && corpusName ? (
            <span>
              <b>{corpusName}</b> embedded by <b>{encoderLabel}</b>
            </span>
          ) : (
            <span className="tr-muted">the corpus embedded by a dense model (load one first: BM25 has no embeddings)</span>
          )}
        </label>
        <label className="tr-check">
          <input
            type="radio"
            name="tr-source"
            checked={form.source === 'synthetic'}
            onChange={() => setTrainingForm({ source: 'synthetic' })}
            data-testid="training-source-synthetic"
          />
          <span>the synthetic benchmark (XQuAD-R scale: 1,190 questions, 11 languages, 384-d vectors; no model needed)</span>
        </label>
      </div>

      <div className="tr-group">
        <span className="tr-group-label">Batch strategies</span>
        {BATCH_STRATEGIES.map((s) => (
          <label key={s} className="tr-check">
            <input type="checkbox" checked={form.strategies.includes(s)} onChange={() => toggleTrainingStrategy(s)} data-testid={`training-strategy-${s}`} />
            <span>
              {STRATEGY_LABELS[s]} <span className="tr-muted">– {STRATEGY_HINTS[s]}</span>
            </span>
          </label>
        ))}
      </div>

      <label className="tr-field tr-slider">
        <span className="tr-field-label">
          Alpha (hybrid): <output data-testid="training-alpha-value">{form.alpha.toFixed(2)}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.05}
          value={form.alpha}
          disabled={!hybrid}
          onChange={(e) => setTrainingForm({ alpha: Number(e.target.value) })}
          data-testid="training-alpha"
        />
        <span className="tr-field-hint">Share of monolingual batches; the paper found 0.5 best, stable from 0.4 to 0.6.</span>
      </label>

      <div className="tr-fields">
        <NumberField
          label="Epochs"
          value={form.epochs}
          min={1}
          max={1000}
          integer
          onChange={(epochs) => setTrainingForm({ epochs })}
          testId="training-epochs"
        />
        <NumberField
          label="Batch size"
          value={form.batchSize}
          min={2}
          max={2000}
          integer
          hint="100 in the paper"
          onChange={(batchSize) => setTrainingForm({ batchSize })}
          testId="training-batch-size"
        />
        <NumberField
          label="Temperature"
          value={form.tau}
          min={0.001}
          max={10}
          step={0.01}
          hint="of the InfoNCE loss; not given in the paper"
          onChange={(tau) => setTrainingForm({ tau })}
          testId="training-tau"
        />
      </div>

      <div className="tr-group">
        <span className="tr-group-label">Held out of training (zero-shot, like the paper&apos;s Greek and Vietnamese)</span>
        <div className="tr-langs">
          {languages.map((lang) => (
            <label key={lang} className="tr-check tr-lang">
              <input
                type="checkbox"
                checked={form.heldOutLanguages.includes(lang)}
                onChange={() => toggleHeldOutLanguage(lang)}
                data-testid={`training-hold-out-${lang}`}
              />
              {lang}
            </label>
          ))}
        </div>
      </div>

      <details className="tr-advanced">
        <summary>More settings</summary>
        <div className="tr-fields">
          <NumberField
            label="Learning rate"
            value={form.lr}
            min={1e-7}
            max={1}
            hint="AdamW; 3e-5 in the paper, which trained the whole model"
            onChange={(lr) => setTrainingForm({ lr })}
            testId="training-lr"
          />
          <NumberField
            label="Adapter rank"
            value={form.rank}
            min={0}
            max={4096}
            integer
            hint="0 = full matrix"
            onChange={(rank) => setTrainingForm({ rank })}
            testId="training-rank"
          />
          <NumberField
            label="Test fraction"
            value={form.testFraction}
            min={0.01}
            max={0.9}
            hint="of question ids, never trained on"
            onChange={(testFraction) => setTrainingForm({ testFraction })}
            testId="training-test-fraction"
          />
          <NumberField
            label="Seed"
            value={form.seed}
            min={0}
            max={2 ** 31}
            integer
            hint="same seed, same numbers"
            onChange={(seed) => setTrainingForm({ seed })}
            testId="training-seed"
          />
        </div>
      </details>
    </fieldset>
  );
}
