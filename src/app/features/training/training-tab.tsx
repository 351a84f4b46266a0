import { currentEncoder } from '../../shared/services';
import { useApp } from '../../app-store';
import { downloadFile } from '../../shared/download';
import { BatchGalleryView } from './batch-gallery-view';
import { InfoNceStepView } from './infonce-step-view';
import { StrategyView } from './strategy-view';
import { useStrategyComparisons } from './strategy-comparisons';
import { SyntheticNext } from './synthetic-next';
import { TrainingPanel } from './training-panel';
import './teaching.css';
import { selectAdaptersFor, useTraining } from './training-slice';

const FIXTURE_MODEL = 'fixture/xlmr-tiny';

/**
 * The training panel for the open corpus and the loaded dense model. With BM25 it says why a
 * model is needed and offers the two ways on: the small fixture model this site serves, or the
 * synthetic benchmark, which needs none. After a run, links to what the adapters change.
 */
export function TrainingTab() {
  const active = useApp((s) => s.active);
  const info = useApp((s) => (s.retrieverId !== 'bm25' ? s.encoderInfo : null));
  const loading = useApp((s) => s.modelLoading);
  const source = useTraining((t) => t.trainingForm.source);
  const adapters = useTraining((t) => selectAdaptersFor(t, info?.encoderId ?? null));
  const alpha = useTraining((t) => t.trainingResult?.config.alpha ?? 0.5);
  const result = useTraining((t) => t.trainingResult);
  const seed = useTraining((t) => t.trainingForm.seed);
  const comparisons = useStrategyComparisons(result);
  const app = useApp.getState();
  // The store holds the model's description; the encoder object itself lives with the services.
  const encoder = info ? currentEncoder() : null;
  const trained = adapters ? (['hybrid', 'cross-lingual', 'monolingual'] as const).find((s) => adapters.byStrategy[s]) : undefined;

  return (
    <div className="training-tab" data-testid="training-tab">
      {!encoder && (
        <div className="hint-box training-needs-model" data-testid="training-needs-model">
          <span>
            Training adapts a dense model’s embeddings, and BM25 has none: load a dense model in Set-up, or try it at once with the small fixture model this
            site serves, or on the synthetic benchmark, which needs no model.
          </span>
          <span className="inline wrap">
            <button
              type="button"
              className="button small primary"
              disabled={!!loading}
              onClick={() => void app.setRetriever(FIXTURE_MODEL)}
              data-testid="training-load-fixture"
            >
              {loading ? `Loading ${loading.label}…` : 'Load the fixture model'}
            </button>
            <button
              type="button"
              className="button small"
              aria-pressed={source === 'synthetic'}
              onClick={() => useTraining.getState().setTrainingForm({ source: 'synthetic' })}
              data-testid="training-use-synthetic"
            >
              Train on the synthetic benchmark
            </button>
          </span>
        </div>
      )}
      {adapters && info && trained && (
        <div className="hint-box training-next" data-testid="training-next">
          <span>
            Adapters trained on {info.label}: switch strategy for the same query in Ranking, or compare the strategies’ reports on the whole test split in
            Evaluation.
          </span>
          <span className="inline wrap">
            <button type="button" className="button small primary" onClick={() => app.showUntrainedBeside(trained)} data-testid="training-see-ranking">
              Ranking: the untrained model beside {trained === 'hybrid' ? `hybrid (α=${Number(alpha.toFixed(2))})` : trained}
            </button>
            <button type="button" className="button small" onClick={() => app.setTab('evaluation')} data-testid="training-see-evaluation">
              Evaluation: compare the reports
            </button>
          </span>
        </div>
      )}
      <SyntheticNext />
      <TrainingPanel
        corpus={active?.corpus ?? null}
        encoder={encoder}
        encoderLabel={info ? `${info.label} (${info.dtype}, ${info.device === 'webgpu' ? 'WebGPU' : 'WASM'})` : undefined}
        comparisons={comparisons}
      />
      {result ? (
        <StrategyView result={result} onExport={downloadFile} comparisons={comparisons} />
      ) : (
        <section className="card sv" data-tour-panel="strategy-view" data-testid="strategy-view-empty">
          <h3>All strategies side by side</h3>
          <p className="muted">
            After a run, every strategy and the untrained encoder appear here as pictures: the spread between languages, the language mix of the top 10, mAP per
            language pair and per setting, beside the paper’s figures. The synthetic benchmark needs no model.
          </p>
        </section>
      )}
      <div className="teach-columns">
        {active && <BatchGalleryView corpus={active.corpus} seed={seed} />}
        <InfoNceStepView seed={seed} />
      </div>
    </div>
  );
}
