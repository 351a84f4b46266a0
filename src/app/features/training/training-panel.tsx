import { useState } from 'react';
import type { Corpus } from '../../../core/corpus/types';
import { matchPaperDataset } from '../../../core/analysis/paper-reference';
import type { Encoder } from '../../../core/retrieval/types';
import { BATCH_STRATEGIES } from '../../../core/training/strategy-names';
import { XQUAD_R_LANGUAGES } from '../../../core/training/synthetic-benchmark';
import { downloadFile, type ExportedFile } from '../../shared/download';
import { AdapterDownloads } from './adapter-downloads';
import { LossChart } from './loss-chart';
import { PaperResultsTable } from './paper-results-table';
import { TrainingResultsTable } from './training-results-table';
import { StrategyComparisons } from './strategy-comparisons';
import type { ComparisonsState } from '../comparison/use-comparisons';
import { TrainingSettingsForm } from './training-settings-form';
import { useTraining, type TrainingSlice } from './training-slice';
import './training.css';

export interface TrainingPanelProps {
  /** The app's corpus (null before one is open): what "train on the corpus" embeds. */
  corpus: Corpus | null;
  /** The app's loaded dense encoder, or null (BM25): its embeddings are what the adapters map. */
  encoder: Encoder | null;
  /** How to name the encoder to a person ("multilingual-e5-small, q8 on WASM"); default its id. */
  encoderLabel?: string;
  /** Receives adapter and result files instead of the browser download. */
  onExport?: (file: ExportedFile) => void;
  /** Each strategy against the untrained model (useStrategyComparisons), shown under the results. */
  comparisons?: ComparisonsState;
}

const HONESTY =
  'This is adapter training over a frozen encoder: one linear map per strategy, trained on top of the model’s embeddings, which stay fixed. The paper fine-tuned the whole encoder, so its numbers (right) are a reference for which strategy wins, not values to equal.';

function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 1000 ? 2 : 1)} s`;
}

function describeProgress(s: Pick<TrainingSlice, 'trainingStatus' | 'trainingStage' | 'lossCurves' | 'lossTotalSteps' | 'trainingForm'>): {
  text: string;
  fraction: number | null;
} {
  const strategies = BATCH_STRATEGIES.filter((x) => s.trainingForm.strategies.includes(x));
  const current = [...BATCH_STRATEGIES].reverse().find((x) => (s.lossCurves[x]?.length ?? 0) > 0);
  if (s.trainingStage) {
    const { stage, done, total } = s.trainingStage;
    return { text: total > 1 ? `${stage} (${done.toLocaleString('en')} / ${total.toLocaleString('en')})` : stage, fraction: total > 0 ? done / total : null };
  }
  if (current && s.lossTotalSteps > 0) {
    const points = s.lossCurves[current]!;
    const last = points[points.length - 1];
    const index = strategies.indexOf(current);
    return {
      text: `training ${current} (${index + 1} of ${strategies.length}): epoch ${last.epoch + 1}, step ${last.step + 1} of ${s.lossTotalSteps}, loss ${last.loss.toFixed(4)}`,
      fraction: (index + (last.step + 1) / s.lossTotalSteps) / strategies.length,
    };
  }
  return { text: s.trainingStatus === 'embedding' ? 'embedding the corpus' : 'starting the training worker', fraction: null };
}

/**
 * Trains the three batch strategies' adapters in a background worker, draws their loss curves
 * live, then shows the results per strategy beside the paper's, with the adapters as files.
 */
export function TrainingPanel({ corpus, encoder, encoderLabel, onExport, comparisons }: TrainingPanelProps) {
  const state = useTraining();
  const { trainingForm: form, trainingStatus: status, trainingResult: result, trainingProblem: problem, trainingTimings: timings } = state;
  const running = status === 'embedding' || status === 'training';
  const [asking, setAsking] = useState(false);
  const languages = form.source === 'synthetic' ? XQUAD_R_LANGUAGES : (corpus?.languages ?? []);
  const progress = running ? describeProgress(state) : null;
  const hasCurves = BATCH_STRATEGIES.some((s) => (state.lossCurves[s]?.length ?? 0) > 0);
  const paperDataset = (result && matchPaperDataset(result.corpus.name)) ?? (corpus && matchPaperDataset(corpus.name)) ?? 'XQuAD-R';

  return (
    <section className="card tr-panel" aria-labelledby="tr-title" data-testid="training-panel" data-status={status}>
      <h2 id="tr-title">Train adapters with monolingual, cross-lingual and hybrid batches</h2>
      <p className="tr-honesty" data-testid="training-honesty">
        {HONESTY}
      </p>

      <div className="tr-columns">
        <div data-tour-panel="training-settings">
          <TrainingSettingsForm
            languages={languages}
            encoderLabel={encoder ? (encoderLabel ?? encoder.id) : null}
            corpusName={corpus?.name ?? null}
            running={running}
          />
          <div className="tr-actions">
            <button
              type="button"
              className="button primary"
              disabled={running}
              // A second run would drop the first run's adapters: ask first (they can be downloaded).
              onClick={() => (result ? setAsking(true) : void state.startTraining({ corpus, encoder }))}
              data-testid="training-start"
            >
              Train
            </button>
            {asking && (
              <div className="hint-box" role="alertdialog" aria-labelledby="tr-replace-text" data-testid="training-replace-ask">
                <span id="tr-replace-text">
                  A new run replaces the adapters of the last run ({result?.corpus.name}, {result?.strategies.length} strategies). Download them below first if
                  you want to keep them.
                </span>
                <span className="inline wrap">
                  <button
                    type="button"
                    className="button small primary"
                    onClick={() => {
                      setAsking(false);
                      void state.startTraining({ corpus, encoder });
                    }}
                    data-testid="training-replace-confirm"
                  >
                    Replace them and train
                  </button>
                  <button type="button" className="button small" onClick={() => setAsking(false)} data-testid="training-replace-keep">
                    Keep them
                  </button>
                </span>
              </div>
            )}
            {running && (
              <button type="button" className="button" onClick={() => state.cancelTraining()} data-testid="training-cancel">
                Cancel
              </button>
            )}
          </div>
          {progress && (
            <div className="tr-progress" role="status" data-testid="training-progress">
              <span>{progress.text}</span>
              <progress max={1} value={progress.fraction ?? undefined} aria-label="Training progress" />
            </div>
          )}
          {status === 'cancelled' && (
            <p className="tr-note" role="status" data-testid="training-cancelled">
              Training was cancelled; nothing was kept.
            </p>
          )}
          {state.adapterCacheNotice && (
            <p className="tr-note" role="status" data-testid="training-cache-notice">
              {state.adapterCacheNotice}
            </p>
          )}
          {problem && (
            <p className="tr-problem" role="alert" data-testid="training-problem">
              {problem}
            </p>
          )}
        </div>
        <div data-tour-panel="training-run">
          <h3>Training loss</h3>
          {hasCurves ? (
            <LossChart curves={state.lossCurves} totalSteps={state.lossTotalSteps} />
          ) : (
            <p className="tr-muted tr-placeholder">The loss of every training step appears here while the adapters train.</p>
          )}
        </div>
      </div>

      <div className="tr-columns">
        <div>
          <h3>Our results: adapters over the frozen encoder</h3>
          {result ? (
            <>
              <TrainingResultsTable
                rows={result.rows}
                caption={`${result.encoder.id} on the test split of ${result.corpus.name}: ${result.split.testQids.length} question ids (${result.split.testQuestions} questions) never trained on, against ${result.split.testPassages.toLocaleString('en')} passages${result.split.heldOutLanguages.length ? `; ${result.split.heldOutLanguages.join(', ')} held out of training` : ''}. Seed ${result.config.seed}.`}
              />
              {timings && (
                <p className="tr-muted" data-testid="training-timings">
                  Trained in a background worker: {result.strategies.map((s) => `${s.shortName} ${formatSeconds(s.trainMs)}`).join(', ')}; the whole run took{' '}
                  {formatSeconds(timings.embedMs + timings.workerMs)}.
                </p>
              )}
              {timings && (
                <p className="tr-muted" data-testid="training-products" title={timings.products.detail}>
                  Training steps and adapters multiplied with {timings.products.backend === 'TypeScript' ? timings.products.detail : timings.products.backend}.
                </p>
              )}
              {state.trainingRestored && (
                <p className="tr-note" data-testid="training-restored">
                  Restored from this browser’s cache, trained {new Date(state.trainingRestored.trainedAt).toLocaleString('en')}.
                </p>
              )}
              <AdapterDownloads result={result} onExport={onExport ?? downloadFile} />
              {state.trainingCacheKey && (
                <p className="tr-muted">
                  <button type="button" className="button small" onClick={() => void state.forgetCachedAdapters()} data-testid="training-forget-cache">
                    Forget cached adapters
                  </button>
                </p>
              )}
            </>
          ) : (
            <p className="tr-muted tr-placeholder">
              Press Train: the untrained encoder and each strategy are then scored on held-out questions in the three settings.
            </p>
          )}
        </div>
        <PaperResultsTable initialDataset={paperDataset} ourPoolSize={result?.split.testPassages ?? null} />
      </div>
      {/* Full width: the comparison tables have nine columns. */}
      {result && comparisons && <StrategyComparisons result={result} state={comparisons} />}
    </section>
  );
}
