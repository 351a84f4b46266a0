import { useEffect, useRef } from 'react';
import type { ScreenPoints } from '../../../core/analysis/map-geometry';

export type Segment = [number, number, number, number];

export interface MapPlotProps {
  points: ScreenPoints;
  width: number;
  height: number;
  scale: number;
  /** Per point. */
  colours: readonly string[];
  /** Per point: questions are drawn as diamonds, passages as dots. */
  isQuery: readonly boolean[];
  visible: (i: number) => boolean;
  /** Points drawn larger with an outline (the answers of the highlighted question). */
  emphasised: ReadonlySet<number>;
  /** Lines joining translations, or a question to its answers. */
  segments: readonly Segment[];
  /** The highlighted question's own position, drawn as a black star. */
  queryPoint?: [number, number] | null;
  hover: number;
  /** SVG up to ~2,000 points (crisp, exportable as vector); canvas beyond, where SVG gets slow. */
  mode: 'svg' | 'canvas';
}

/** Lines take the text colour (so they show on light and dark pages), half transparent. */
const LINE_OPACITY = 0.55;

export function MapPlot(props: MapPlotProps) {
  return props.mode === 'svg' ? <SvgPlot {...props} /> : <CanvasPlot {...props} />;
}

function SvgPlot({ points, width, height, scale, colours, isQuery, visible, emphasised, segments, queryPoint, hover }: MapPlotProps) {
  const r = 3.5 * scale;
  const order: number[] = [];
  for (let i = 0; i < points.xs.length; i++) if (visible(i) && !emphasised.has(i)) order.push(i);
  for (const i of emphasised) if (visible(i)) order.push(i); // emphasised points on top
  return (
    <svg data-chart="embedding-map" className="an-svg an-map-svg" width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <rect width={width} height={height} fill="transparent" />
      <g stroke="currentColor" strokeOpacity={LINE_OPACITY} strokeWidth={1.2 * scale}>
        {segments.map(([x1, y1, x2, y2], k) => (
          <line key={k} x1={x1} y1={y1} x2={x2} y2={y2} />
        ))}
      </g>
      <g>
        {order.map((i) => {
          const big = emphasised.has(i);
          const rr = big ? r * 1.7 : r;
          const x = points.xs[i];
          const y = points.ys[i];
          const common = { fill: colours[i], stroke: big ? '#000000' : 'rgba(0,0,0,0.25)', strokeWidth: big ? 1.5 * scale : 0.5 };
          return isQuery[i] ? (
            <path key={i} d={`M${x},${y - rr * 1.3}L${x + rr * 1.3},${y}L${x},${y + rr * 1.3}L${x - rr * 1.3},${y}Z`} {...common} />
          ) : (
            <circle key={i} cx={x} cy={y} r={rr} {...common} />
          );
        })}
      </g>
      {queryPoint && <path d={starPath(queryPoint[0], queryPoint[1], 9 * scale)} fill="#000000" stroke="#ffffff" strokeWidth={1.5} />}
      {hover >= 0 && <circle cx={points.xs[hover]} cy={points.ys[hover]} r={r * 2.6} fill="none" stroke="currentColor" strokeWidth={2 * scale} />}
    </svg>
  );
}

function CanvasPlot({ points, width, height, scale, colours, isQuery, visible, emphasised, segments, queryPoint, hover }: MapPlotProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    if (!canvas) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.strokeStyle = getComputedStyle(canvas).color || '#000000';
    ctx.globalAlpha = LINE_OPACITY;
    ctx.lineWidth = 1.2 * scale;
    ctx.beginPath();
    for (const [x1, y1, x2, y2] of segments) {
      ctx.moveTo(x1, y1);
      ctx.lineTo(x2, y2);
    }
    ctx.stroke();
    ctx.globalAlpha = 1;
    const r = 3 * scale;
    const draw = (i: number, big: boolean) => {
      const x = points.xs[i];
      const y = points.ys[i];
      const rr = big ? r * 1.7 : r;
      ctx.fillStyle = colours[i];
      ctx.beginPath();
      if (isQuery[i]) {
        ctx.moveTo(x, y - rr * 1.3);
        ctx.lineTo(x + rr * 1.3, y);
        ctx.lineTo(x, y + rr * 1.3);
        ctx.lineTo(x - rr * 1.3, y);
        ctx.closePath();
      } else ctx.arc(x, y, rr, 0, 2 * Math.PI);
      ctx.fill();
      if (big) {
        ctx.strokeStyle = '#000000';
        ctx.lineWidth = 1.5 * scale;
        ctx.stroke();
      }
    };
    for (let i = 0; i < points.xs.length; i++) if (visible(i) && !emphasised.has(i)) draw(i, false);
    for (const i of emphasised) if (visible(i)) draw(i, true);
    if (queryPoint) {
      ctx.fillStyle = '#000000';
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 1.5;
      ctx.fill(new Path2D(starPath(queryPoint[0], queryPoint[1], 9 * scale)));
      ctx.stroke(new Path2D(starPath(queryPoint[0], queryPoint[1], 9 * scale)));
    }
    if (hover >= 0) {
      ctx.strokeStyle = getComputedStyle(canvas).color || '#000000';
      ctx.lineWidth = 2 * scale;
      ctx.beginPath();
      ctx.arc(points.xs[hover], points.ys[hover], r * 2.6, 0, 2 * Math.PI);
      ctx.stroke();
    }
  }, [points, width, height, scale, colours, isQuery, visible, emphasised, segments, queryPoint, hover]);
  return <canvas data-chart="embedding-map" ref={ref} className="an-map-canvas" style={{ width, height }} aria-hidden="true" />;
}

/** A five-pointed star centred on (x, y). */
function starPath(x: number, y: number, outer: number): string {
  const inner = outer * 0.45;
  const parts: string[] = [];
  for (let k = 0; k < 10; k++) {
    const radius = k % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (k * Math.PI) / 5;
    parts.push(`${k === 0 ? 'M' : 'L'}${(x + radius * Math.cos(angle)).toFixed(1)},${(y + radius * Math.sin(angle)).toFixed(1)}`);
  }
  return `${parts.join('')}Z`;
}
