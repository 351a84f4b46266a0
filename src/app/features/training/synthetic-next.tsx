import { syntheticEncoderId } from '../../../core/teaching/synthetic-explorable';
import { useApp } from '../../app-store';
import { SYNTHETIC_ID } from '../setup/synthetic-source';
import { useTraining } from './training-slice';

/**
 * After a run on the synthetic benchmark, while Ranking shows something else: one button opens
 * the benchmark in Ranking with its vectors, the untrained vectors beside the trained strategy.
 */
export function SyntheticNext() {
  const trained = useTraining((t) => t.trainedAdapters);
  const seed = useTraining((t) => t.trainingForm.seed);
  const onSynthetic = useApp((s) => s.retrieverId === SYNTHETIC_ID);
  const opening = useApp((s) => s.corpusLoading !== null);
  if (!trained || onSynthetic || trained.encoderId !== syntheticEncoderId(seed, trained.dim)) return null;
  const strategy = (['hybrid', 'cross-lingual', 'monolingual'] as const).find((s) => trained.byStrategy[s]);
  if (!strategy) return null;
  const explore = async () => {
    const app = useApp.getState();
    if (await app.openCorpus({ kind: 'preset', id: SYNTHETIC_ID })) useApp.getState().showUntrainedBeside(strategy);
  };
  return (
    <div className="hint-box training-next" data-testid="synthetic-next">
      <span>Adapters trained on the synthetic benchmark: see its questions ranked by each strategy, with the answer ladder, in Ranking.</span>
      <span className="inline wrap">
        <button type="button" className="button small primary" disabled={opening} onClick={() => void explore()} data-testid="synthetic-explore">
          {opening ? 'Opening the synthetic benchmark…' : `Explore in Ranking: untrained beside ${strategy}`}
        </button>
      </span>
    </div>
  );
}
