/**
 * SLOT for the analysis helper's EmbeddingMap (src/app/features/analysis/embedding-map.tsx): the passages
 * of the current pool as the dense model sees them, with the question joined to its answers.
 * Loaded lazily (UMAP and the map stay out of the first page load). The rows come from the loaded
 * model through the encoder client (its embedding cache makes a second look free).
 */
import { lazy, Suspense, useState } from 'react';
import type { Passage } from '../../../core/corpus/types';
import type { ProgressInfo } from '../../../core/retrieval/types';
import type { EmbeddingMapProps } from '../analysis/embedding-map';
import { currentEncoder } from '../../shared/services';
import { useApp } from '../../app-store';
import { adapterOf } from './strategy-choice';
import { currentAdapters } from './strategy-slice';
import { adapterRowTransform } from '../../shared/workers/adapter-row-transform';
import { ProgressBar } from '../../ui/progress-bar';

const EmbeddingMap = lazy(async () => ({ default: (await import('../analysis/embedding-map')).EmbeddingMap }));

/** Points drawn at most: the answers, then an even sample of the rest of the pool. */
const MAX_POINTS = 3000;

interface MapData {
  key: string;
  props: EmbeddingMapProps;
  sampled: boolean;
  /** The strategy's label the rows were drawn with, and the query: the caption describes these, not the view's newer ones. */
  drawnWith: string;
  query: string;
}

function samplePool(pool: Passage[], answers: ReadonlySet<string>): { items: Passage[]; sampled: boolean } {
  if (pool.length <= MAX_POINTS) return { items: pool, sampled: false };
  const first = pool.filter((p) => answers.has(p.id));
  const rest = pool.filter((p) => !answers.has(p.id));
  const room = Math.max(0, MAX_POINTS - first.length);
  const picked = Array.from({ length: room }, (_, i) => rest[Math.floor((i * rest.length) / room)]);
  return { items: [...first, ...picked], sampled: true };
}

export function EmbeddingMapSlot() {
  const ranking = useApp((s) => s.ranking);
  const info = useApp((s) => s.encoderInfo);
  const active = useApp((s) => s.active);
  const [data, setData] = useState<MapData | null>(null);
  const [progress, setProgress] = useState<ProgressInfo | null>(null);
  const [busy, setBusy] = useState<AbortController | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (!active) return null;

  const langs = ranking?.ladderLangs ?? ranking?.poolLangs ?? [];
  const key = `${info?.encoderId}|${active.corpus.name}|${langs.join(',')}|${ranking?.text}|${ranking?.strategy}`;
  const viewSpace = ranking && ranking.strategy !== 'untrained' ? ranking.label : (info?.label ?? '');
  const stale = data !== null && data.key !== key;
  const draw = async () => {
    const encoder = currentEncoder();
    if (!encoder || !info || !ranking) return;
    const controller = new AbortController();
    setBusy(controller);
    setProblem(null);
    try {
      const question = ranking.questionId ? active.questionById.get(ranking.questionId) : undefined;
      const answers = new Set(question?.relevant ?? []);
      const pool = active.corpus.passages.filter((p) => langs.includes(p.lang));
      const { items, sampled } = samplePool(pool, answers);
      // With a trained strategy on, the map shows the adapter's space: the one the ranking scores in.
      const adapter = adapterOf(ranking.strategy, currentAdapters(useApp.getState()));
      const adapt = (rows: Float32Array, n: number) => (adapter ? adapterRowTransform(adapter)(rows, n, encoder.dim) : rows);
      const vectors = adapt(
        await encoder.embed(
          items.map((p) => p.text),
          'passage',
          { signal: controller.signal, onProgress: setProgress },
        ),
        items.length,
      );
      const queryVector = adapt(await encoder.embed([ranking.text], 'query', { signal: controller.signal }), 1);
      setData({
        key,
        sampled,
        drawnWith: adapter ? ranking.label : info.label,
        query: ranking.text,
        props: {
          vectors,
          dim: encoder.dim,
          items: items.map((p) => ({ id: p.id, lang: p.lang, text: p.text, group: p.group })),
          highlight: { queryVector, answerIds: [...answers].filter((id) => items.some((p) => p.id === id)) },
          languages: active.corpus.languages,
          source: `${adapter ? ranking.label : info.label} on ${active.corpus.name}`,
        },
      });
    } catch (e) {
      if (!controller.signal.aborted) setProblem(`The map could not be drawn: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return (
    <details className="card map-slot" data-testid="embedding-map-slot">
      <summary>Embedding map</summary>
      {!info ? (
        <p className="hint">
          BM25 has no embedding space. Choose a dense model in Set-up to see where each language&apos;s passages lie, and whether translations sit together.
        </p>
      ) : (
        <>
          <div className="inline wrap">
            <span className="hint" data-testid="map-caption">
              The passages of the {langs.length > 1 ? 'multilingual pool' : 'pool'} as {data ? data.drawnWith : viewSpace} embeds them
              {data || ranking ? ', with the question joined to its answers' : ''}.
            </span>
            <div className="spacer" />
            <button type="button" className="button small" disabled={!!busy || !ranking} onClick={() => void draw()} data-testid="draw-map">
              {stale ? 'Redraw for this view' : data ? 'Redraw' : 'Draw the map'}
            </button>
          </div>
          {stale && (
            <p className="hint-box" role="status" data-testid="map-stale">
              This map is still the earlier view’s: {data.drawnWith}
              {data.query !== ranking?.text ? `, for “${data.query}”` : ''}. The ranking above now uses {viewSpace}
              {data.query !== ranking?.text ? `, for “${ranking?.text ?? ''}”` : ''}; redraw to see its space.
            </p>
          )}
          {busy && <ProgressBar progress={progress} label="Embedding passages for the map…" onCancel={() => busy.abort()} />}
          {problem && <div className="hint-box">{problem}</div>}
          {data && (
            <Suspense fallback={<div className="hint-box">Loading the map…</div>}>
              {data.sampled && (
                <p className="hint">
                  The pool is large: showing its answers and an even sample, {data.props.items.length.toLocaleString('en')} passages in all.
                </p>
              )}
              <EmbeddingMap {...data.props} />
            </Suspense>
          )}
        </>
      )}
    </details>
  );
}
