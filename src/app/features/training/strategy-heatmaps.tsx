/** X->Y mAP grids, one per series, as small multiples on one colour scale (viridis). */
import { sequentialColour, textColourOn } from '../../../core/analysis/colour-scale';
import type { HeatmapData } from '../../../core/analysis/heatmap-data';
import { ChartSvg, FONT } from './strategy-charts';

export function HeatmapMultiples({
  heatmaps,
  titles,
  domain,
  testId,
}: {
  heatmaps: readonly HeatmapData[];
  titles: readonly string[];
  domain: [number, number];
  testId: string;
}) {
  const n = heatmaps[0]?.langs.length ?? 0;
  const cell = n > 12 ? 13 : n > 6 ? 18 : 30;
  const label = 22;
  const gridW = label + n * cell;
  const gap = 26;
  const width = Math.max(560, heatmaps.length * (gridW + gap));
  const height = label + n * cell + 78;
  const [lo, hi] = domain;
  const t = (v: number) => (v - lo) / (hi - lo || 1);
  const showValues = cell >= 30;
  return (
    <ChartSvg label={`X to Y mAP grids for ${titles.join(', ')}, on one colour scale from ${lo} to ${hi}`} width={width} height={height} testId={testId}>
      {heatmaps.map((h, hi2) => {
        const x0 = hi2 * (gridW + gap);
        return (
          <g key={titles[hi2]} transform={`translate(${x0}, 0)`}>
            <text x={label} y={14} fontSize={12} fontWeight={600} fontFamily={FONT} fill="#222222">
              {titles[hi2]}
            </text>
            {h.langs.map((l, i) => (
              <g key={l}>
                <text x={label - 3} y={24 + i * cell + cell / 2 + 4} fontSize={10} textAnchor="end" fontFamily={FONT} fill="#444444">
                  {l}
                </text>
                <text x={label + i * cell + cell / 2} y={24 + n * cell + 12} fontSize={10} textAnchor="middle" fontFamily={FONT} fill="#444444">
                  {l}
                </text>
              </g>
            ))}
            {h.cells.map((c) => {
              const fill = c.value === null ? '#eeeeee' : sequentialColour(t(c.value));
              return (
                <g key={`${c.row}-${c.col}`}>
                  <title>{`${titles[hi2]}: questions in ${c.queryLang}, passages in ${c.passageLang}: ${c.value === null ? 'not evaluated' : c.value.toFixed(3)}`}</title>
                  <rect
                    x={label + c.col * cell}
                    y={24 + c.row * cell}
                    width={cell - 1}
                    height={cell - 1}
                    fill={fill}
                    stroke={c.diagonal ? '#000000' : 'none'}
                    strokeWidth={c.diagonal ? 1 : 0}
                  />
                  {showValues && c.value !== null && (
                    <text
                      x={label + c.col * cell + cell / 2}
                      y={24 + c.row * cell + cell / 2 + 4}
                      fontSize={9}
                      textAnchor="middle"
                      fontFamily={FONT}
                      fill={textColourOn(fill)}
                    >
                      {c.value.toFixed(2).replace(/^0/, '')}
                    </text>
                  )}
                </g>
              );
            })}
          </g>
        );
      })}
      <g transform={`translate(22, ${height - 30})`}>
        {Array.from({ length: 20 }, (_, i) => (
          <rect key={i} x={i * 10} y={0} width={10} height={10} fill={sequentialColour(i / 19)} />
        ))}
        <text x={0} y={24} fontSize={11} fontFamily={FONT} fill="#444444">
          {lo.toFixed(1)}
        </text>
        <text x={200} y={24} fontSize={11} textAnchor="end" fontFamily={FONT} fill="#444444">
          {hi.toFixed(1)}
        </text>
        <text x={214} y={9} fontSize={11} fontFamily={FONT} fill="#444444">
          mAP, one scale for every grid; rows: question language, columns: passage language; outlined: the diagonal (same language)
        </text>
      </g>
    </ChartSvg>
  );
}
