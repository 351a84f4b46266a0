import { useId, useRef, useState, type ReactNode } from 'react';
import { renderChartPng, type PngLegendEntry } from './chart-png';
import type { ExportedFile } from '../../shared/download';

export interface ChartFrameProps {
  title: string;
  /** One line a student understands: what the chart shows and which way is better. */
  explanation: string;
  /** Where the numbers come from, printed under the chart and on the PNG. */
  source?: string;
  /** Legend entries for the PNG (the on-screen legend is part of the chart body). */
  legend?: readonly PngLegendEntry[];
  controls?: ReactNode;
  /** The same numbers as a real table, for screen readers and for copying. */
  table: ReactNode;
  tableSummary?: string;
  /** File name stem for the PNG ("xquad-r-bm25-heatmap"). */
  fileStem: string;
  onExport: (file: ExportedFile) => void;
  children: ReactNode;
}

/** A chart with its title, one-line explanation, controls, PNG export and a table alternative. */
export function ChartFrame(props: ChartFrameProps) {
  const headingId = useId();
  const figureRef = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');

  async function exportPng() {
    const target = figureRef.current?.querySelector<SVGSVGElement | HTMLCanvasElement>(
      'svg[data-chart], canvas[data-chart], .recharts-wrapper > svg.recharts-surface',
    );
    if (!target) {
      setStatus('Nothing to export yet: the chart has not been drawn.');
      return;
    }
    try {
      const blob = await renderChartPng(target, { title: props.title, subtitle: props.source, legend: props.legend });
      const name = `${props.fileStem}.png`;
      props.onExport({ name, blob });
      setStatus(`Saved ${name}.`);
    } catch (e) {
      setStatus(`Could not export the chart: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section className="an-frame" aria-labelledby={headingId}>
      <header className="an-frame-head">
        <h3 id={headingId}>{props.title}</h3>
        <div className="an-frame-actions">
          {props.controls}
          <button type="button" className="an-button" onClick={() => void exportPng()}>
            PNG<span className="an-visually-hidden"> of {props.title}</span>
          </button>
        </div>
      </header>
      <p className="an-explain">{props.explanation}</p>
      <div className="an-figure" ref={figureRef}>
        {props.children}
      </div>
      {props.source && <p className="an-source">{props.source}</p>}
      <details className="an-table-alt">
        <summary>{props.tableSummary ?? 'Show the numbers as a table'}</summary>
        <div className="an-table-scroll">{props.table}</div>
      </details>
      <p className="an-status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
