import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { LangCode } from '../../../core/corpus/types';
import { measureAlignment } from '../../../core/analysis/alignment-stats';
import { buildProjectorFiles, slugForFile } from '../../../core/analysis/exports';
import { languageLabel } from '../../../core/analysis/language-labels';
import { assignLanguageColours } from '../../../core/analysis/language-palette';
import { centroidOf, findNearestPoint, fitToBox } from '../../../core/analysis/map-geometry';
import type { ProjectionMethod } from '../../../core/analysis/project-2d';
import { ChartFrame } from './chart-frame';
import { downloadFile, textFile, type ExportedFile } from '../../shared/download';
import { AlignmentTable } from './alignment-table';
import { LanguageLegend } from './language-legend';
import { MapFocusInfo } from './map-focus-info';
import { MapPlot, type Segment } from './map-plot';
import { useFontScale } from './use-font-scale';
import { useProjection } from './use-projection';
import './analysis.css';
import './analysis-charts.css';

export interface EmbeddingMapItem {
  id: string;
  lang: LangCode;
  text: string;
  /** Items sharing a group are translations of each other (Passage.group, or a question's qid). */
  group?: string;
  /** Questions are drawn as diamonds, passages as dots. Default: passage. */
  kind?: 'query' | 'passage';
}

export interface EmbeddingMapProps {
  /** items.length x dim, row-major (the rows the retriever scored with). */
  vectors: Float32Array;
  dim: number;
  items: readonly EmbeddingMapItem[];
  /** A question to show in the map, joined by lines to its answers (ids among items). */
  highlight?: { queryVector?: Float32Array; answerIds: string[] };
  /** Colour order; pass the report's languages so colours match the other charts. Default: order of first appearance. */
  languages?: readonly LangCode[];
  /** Printed under the map and on its PNG, e.g. "intfloat/multilingual-e5-small on demo". */
  source?: string;
  initialMethod?: ProjectionMethod;
  /** 'auto' (default): SVG up to 2,000 points, canvas beyond. */
  renderer?: 'auto' | 'svg' | 'canvas';
  /** Receives exported files instead of the browser download. */
  onExport?: (file: ExportedFile) => void;
}

const SVG_LIMIT = 2000;

/**
 * A 2-D map of embeddings (PCA or UMAP, computed in a worker), coloured by language. Lines join
 * the highlighted question to its answers and, on hover or selection, a text to its
 * translations: short lines and mixed colours are a well-aligned space, one island per language
 * a weakly aligned one.
 */
export function EmbeddingMap(props: EmbeddingMapProps) {
  const { vectors, dim, items } = props;
  if (!(dim > 0) || vectors.length !== items.length * dim) {
    return (
      <p className="analysis an-error" role="alert">
        Cannot draw the embedding map: {vectors.length} numbers do not make {items.length} rows of {dim} dimensions.
      </p>
    );
  }
  // Its own .analysis root, so the map is styled the same when used outside AnalysisView.
  return (
    <div className="analysis an-map-root">
      <EmbeddingMapBody {...props} />
    </div>
  );
}

function EmbeddingMapBody(props: EmbeddingMapProps) {
  const { vectors, dim, items, highlight } = props;
  const onExport = props.onExport ?? downloadFile;
  const scale = useFontScale();
  const [method, setMethod] = useState<ProjectionMethod>(props.initialMethod ?? 'pca');
  const [hidden, setHidden] = useState<ReadonlySet<LangCode>>(new Set());
  const [hover, setHover] = useState(-1);
  const [pinned, setPinned] = useState(-1);
  const [width, setWidth] = useState(720);
  const boxRef = useRef<HTMLDivElement>(null);

  const langs = useMemo(() => {
    const list = [...(props.languages ?? [])];
    for (const it of items) if (!list.includes(it.lang)) list.push(it.lang);
    return list.filter((l) => items.some((it) => it.lang === l));
  }, [items, props.languages]);
  const colourOfLang = useMemo(() => assignLanguageColours(props.languages ? [...props.languages, ...langs] : langs), [langs, props.languages]);
  const colours = useMemo(() => items.map((it) => colourOfLang.get(it.lang)!), [items, colourOfLang]);
  const isQuery = useMemo(() => items.map((it) => it.kind === 'query'), [items]);
  const counts = useMemo(() => {
    const c = new Map<LangCode, number>();
    for (const it of items) c.set(it.lang, (c.get(it.lang) ?? 0) + 1);
    return c;
  }, [items]);

  // The question is projected with the items, as one more row, so it lands in the same map.
  const queryVector = highlight?.queryVector;
  const rows = useMemo(() => {
    if (!queryVector) return vectors;
    const all = new Float32Array(vectors.length + dim);
    all.set(vectors);
    all.set(queryVector.subarray(0, dim), vectors.length);
    return all;
  }, [vectors, queryVector, dim]);
  const { projection, progress, error } = useProjection(rows, dim, method);

  useEffect(() => {
    const el = boxRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(280, Math.floor(entry.contentRect.width))));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const height = Math.round(Math.min(640 * scale, width * 0.68));

  const screen = useMemo(
    () => (projection && projection.coords.length === (rows.length / dim) * 2 ? fitToBox(projection.coords, width, height, 18 * scale) : null),
    [projection, rows, dim, width, height, scale],
  );
  const visible = useCallback((i: number) => i < items.length && !hidden.has(items[i].lang), [items, hidden]);

  const indexOfId = useMemo(() => new Map(items.map((it, i) => [it.id, i])), [items]);
  const answers = useMemo(
    () => new Set((highlight?.answerIds ?? []).map((id) => indexOfId.get(id)).filter((i): i is number => i !== undefined)),
    [highlight, indexOfId],
  );
  const membersOf = useMemo(() => {
    const m = new Map<string, number[]>();
    items.forEach((it, i) => {
      if (it.group === undefined) return;
      const list = m.get(it.group) ?? [];
      list.push(i);
      m.set(it.group, list);
    });
    return m;
  }, [items]);

  const focus = pinned >= 0 ? pinned : hover;
  const queryPoint = useMemo<[number, number] | null>(
    () => (screen && queryVector ? [screen.xs[items.length], screen.ys[items.length]] : null),
    [screen, queryVector, items.length],
  );
  const segments = useMemo(() => {
    if (!screen) return [];
    const out: Segment[] = [];
    const shownAnswers = [...answers].filter(visible);
    const hub = queryPoint ?? centroidOf(screen, shownAnswers);
    if (hub) for (const i of shownAnswers) out.push([hub[0], hub[1], screen.xs[i], screen.ys[i]]);
    const group = focus >= 0 ? items[focus].group : undefined;
    const members = group === undefined ? [] : (membersOf.get(group) ?? []).filter(visible);
    const centre = centroidOf(screen, members);
    if (centre && members.length > 1) for (const i of members) out.push([centre[0], centre[1], screen.xs[i], screen.ys[i]]);
    return out;
  }, [screen, queryPoint, answers, visible, focus, items, membersOf]);

  const alignment = useMemo(() => measureAlignment(vectors, dim, items), [vectors, dim, items]);

  function pointAt(e: { clientX: number; clientY: number; currentTarget: HTMLDivElement }): number {
    if (!screen) return -1;
    const rect = e.currentTarget.getBoundingClientRect();
    return findNearestPoint(screen, e.clientX - rect.left, e.clientY - rect.top, 12 * scale, visible);
  }

  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const order = items.map((_, i) => i).filter(visible);
    if (order.length === 0) return;
    const at = order.indexOf(focus);
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') setHover(order[(at + 1) % order.length]);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') setHover(order[(at - 1 + order.length) % order.length]);
    else if (e.key === 'Enter' || e.key === ' ') setPinned(pinned === focus ? -1 : focus);
    else if (e.key === 'Escape') {
      setPinned(-1);
      setHover(-1);
    } else return;
    e.preventDefault();
  }

  function toggleLang(lang: LangCode) {
    const next = new Set(hidden);
    if (next.has(lang)) next.delete(lang);
    else next.add(lang);
    setHidden(next);
  }

  function exportProjector() {
    const files = buildProjectorFiles(vectors, dim, items);
    const stem = slugForFile(props.source ?? 'embeddings');
    onExport(textFile(`${stem}-vectors.tsv`, files.vectors, 'text/tab-separated-values'));
    onExport(textFile(`${stem}-metadata.tsv`, files.metadata, 'text/tab-separated-values'));
  }

  const focused = focus >= 0 ? items[focus] : null;
  const translations = focused?.group !== undefined ? (membersOf.get(focused.group)?.length ?? 1) - 1 : 0;
  const explained = projection?.method === 'pca' && projection.explained ? projection.explained : null;

  return (
    <ChartFrame
      title={`Embedding map (${method === 'pca' ? 'PCA' : 'UMAP'})`}
      explanation="Each dot is a text, coloured by its language; lines join the question to its answers, and, when you point at a text, the text to its translations. Mixed colours and short lines mean a language-agnostic space; one island per language means weak alignment."
      source={props.source}
      legend={langs.filter((l) => !hidden.has(l)).map((l) => ({ label: languageLabel(l), colour: colourOfLang.get(l)! }))}
      fileStem={`${slugForFile(props.source ?? 'embeddings')}-map-${method}`}
      onExport={onExport}
      controls={
        <>
          <span className="an-segmented" role="radiogroup" aria-label="Projection">
            {(['pca', 'umap'] as const).map((m) => (
              <button key={m} type="button" role="radio" aria-checked={method === m} className="an-button" onClick={() => setMethod(m)}>
                {m.toUpperCase()}
              </button>
            ))}
          </span>
          <button type="button" className="an-button" onClick={exportProjector} title="vectors.tsv + metadata.tsv for projector.tensorflow.org">
            Projector TSV
          </button>
        </>
      }
      table={<AlignmentTable alignment={alignment} />}
      tableSummary="Show how close translations are, per language"
    >
      <p className="an-map-stats">
        {alignment.translationSimilarity === null
          ? 'These texts carry no translation groups, so alignment cannot be measured.'
          : `In the full ${dim}-dimensional space, translations have a mean cosine similarity of ${alignment.translationSimilarity.toFixed(2)}; unrelated texts in different languages ${alignment.unrelatedSimilarity?.toFixed(2) ?? '–'}. The larger the gap, the better aligned the languages.`}
        {explained && ` The two PCA axes show ${Math.round((explained[0] + explained[1]) * 100)}% of the variance.`}
      </p>
      <div
        ref={boxRef}
        className="an-map"
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label={`Embedding map of ${items.length} texts in ${langs.length} languages. Arrow keys step through the texts, Enter keeps a text's translations linked, Escape clears.`}
        onPointerMove={(e) => setHover(pointAt(e))}
        onPointerLeave={() => setHover(-1)}
        onClick={(e) => {
          const i = pointAt(e);
          setPinned(i === pinned ? -1 : i);
        }}
        onKeyDown={onKeyDown}
      >
        {screen && (
          <MapPlot
            points={screen}
            width={width}
            height={height}
            scale={scale}
            colours={colours}
            isQuery={isQuery}
            visible={visible}
            emphasised={answers}
            segments={segments}
            queryPoint={queryPoint}
            hover={focus}
            mode={props.renderer && props.renderer !== 'auto' ? props.renderer : items.length <= SVG_LIMIT ? 'svg' : 'canvas'}
          />
        )}
        {progress !== null && (
          <div
            className="an-map-progress"
            role="progressbar"
            aria-label="Computing the map"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(progress * 100)}
          >
            Computing {method.toUpperCase()}… {Math.round(progress * 100)}%
          </div>
        )}
        {error && <p className="an-error">Could not compute the map: {error}</p>}
      </div>
      <MapFocusInfo
        focused={focused}
        colour={focused ? (colourOfLang.get(focused.lang) ?? '') : ''}
        translations={translations}
        pinned={pinned >= 0}
        highlight={!!highlight}
      />
      <LanguageLegend langs={langs} colours={colourOfLang} hidden={hidden} onToggle={toggleLang} counts={counts} />
      <p className="an-legend-actions">
        <button type="button" className="an-link-button" onClick={() => setHidden(new Set())}>
          Show all languages
        </button>{' '}
        <button type="button" className="an-link-button" onClick={() => setHidden(new Set(langs))}>
          Hide all
        </button>
      </p>
    </ChartFrame>
  );
}
