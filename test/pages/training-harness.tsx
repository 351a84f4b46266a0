/**
 * Test page for the training panel (training-harness.html). The end-to-end tests and the training
 * benchmark drive it through window.trainingHarness: hand it a corpus, then either load a model
 * through the encoder client (the app's path) or give it embeddings computed elsewhere.
 */
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import type { Corpus } from '../../src/core/corpus/types';
import type { Encoder } from '../../src/core/retrieval/types';
import { createPrecomputedEncoder } from '../../src/core/training/precomputed-encoder';
import type { ExperimentSettings } from '../../src/core/training/run-experiment';
import { createEncoderClient, type EncoderClient } from '../../src/encoder/encoder-client';
import { findModel } from '../../src/encoder/model-registry';
import type { ExportedFile } from '../../src/app/shared/download';
import '../../src/app/tokens.css';
import '../../src/app/shell/shell.css';
import '../../src/app/controls.css';
import { TrainingPanel } from '../../src/app/features/training/training-panel';
import { createTrainingClient } from '../../src/app/features/training/training-client';
import type { TrainingForm } from '../../src/app/features/training/training-form';
import { useTraining } from '../../src/app/features/training/training-slice';

interface HarnessProps {
  corpus: Corpus | null;
  encoder: Encoder | null;
  encoderLabel?: string;
}

let setProps: (props: HarnessProps) => void = () => {};
let props: HarnessProps = { corpus: null, encoder: null };
let client: EncoderClient | null = null;
const exports: { name: string; size: number; base64: string }[] = [];

function Harness() {
  const [current, setCurrent] = useState<HarnessProps>(props);
  useEffect(() => {
    setProps = (next) => {
      props = next;
      setCurrent(next);
    };
  }, []);
  return <TrainingPanel {...current} onExport={(f) => void recordExport(f)} />;
}

async function recordExport(file: ExportedFile): Promise<void> {
  const bytes = new Uint8Array(await file.blob.arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  exports.push({ name: file.name, size: bytes.length, base64: btoa(binary) });
}

const harness = {
  setCorpus(corpus: Corpus) {
    setProps({ ...props, corpus });
  },
  /** Loads a served model on WASM through the app's encoder client (no embedding cache). */
  async loadModel(id: string) {
    const entry = findModel(id);
    if (!entry) throw new Error(`unknown model ${id}`);
    client?.dispose();
    client = createEncoderClient({ cache: null });
    const encoder = await client.load({ model: entry, source: { type: 'served' }, device: 'wasm', probe: false });
    setProps({ ...props, encoder, encoderLabel: `${entry.label} (${encoder.info.dtype}, ${encoder.info.device})` });
    return { id: encoder.id, dim: encoder.dim, device: encoder.info.device, dtype: encoder.info.dtype };
  },
  /** An encoder over rows computed elsewhere (e.g. by the Node encoder), in corpus order. */
  usePrecomputed(encoderId: string, dim: number, queryRows: number[], passageRows: number[]) {
    const corpus = props.corpus;
    if (!corpus) throw new Error('setCorpus first');
    const encoder = createPrecomputedEncoder({
      id: encoderId,
      dim,
      queries: { texts: corpus.questions.map((q) => q.text), rows: Float32Array.from(queryRows) },
      passages: { texts: corpus.passages.map((p) => p.text), rows: Float32Array.from(passageRows) },
    });
    setProps({ ...props, encoder, encoderLabel: `${encoderId} (precomputed)` });
  },
  setForm(patch: Partial<TrainingForm>) {
    useTraining.getState().setTrainingForm(patch);
  },
  /** What the store holds after a run: the numbers to compare, loss curves, adapter parameters. */
  snapshot() {
    const s = useTraining.getState();
    return {
      status: s.trainingStatus,
      problem: s.trainingProblem,
      rows: s.trainingResult?.rows ?? null,
      split: s.trainingResult?.split ?? null,
      encoder: s.trainingResult?.encoder ?? null,
      losses: Object.fromEntries(Object.entries(s.lossCurves).map(([k, v]) => [k, v!.map((p) => p.loss)])),
      adapters: Object.fromEntries(Object.entries(s.trainedAdapters?.byStrategy ?? {}).map(([k, a]) => [k, Array.from(a!.params)])),
      timings: s.trainingTimings,
      products: s.trainingTimings?.products ?? null,
    };
  },
  exports: () => exports.slice(),
  /**
   * The synthetic benchmark straight through the training worker (no panel), for the benchmark:
   * the worker's own timings per strategy.
   */
  async runSynthetic(settings: ExperimentSettings, benchSeed: number, products: 'auto' | 'typescript' = 'auto') {
    const outcome = await createTrainingClient().run({ source: { kind: 'synthetic', seed: benchSeed }, settings, products });
    return {
      workerMs: outcome.workerMs,
      generateMs: outcome.generateMs,
      trainMs: outcome.result.strategies.map((s) => s.trainMs),
      evalMs: [outcome.result.baseline.evalMs, ...outcome.result.strategies.map((s) => s.evalMs)],
      rows: outcome.result.rows,
      curves: outcome.result.strategies.map((s) => s.lossCurve.map((p) => p.loss)),
      products: outcome.products,
    };
  },
};

declare global {
  interface Window {
    trainingHarness: typeof harness;
  }
}

window.trainingHarness = harness;
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Harness />
  </StrictMode>,
);
requestAnimationFrame(() => (document.body.dataset.ready = 'true'));
