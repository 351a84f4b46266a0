import { memo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { BATCH_STRATEGIES, STRATEGY_LABELS } from '../../../core/training/strategy-names';
import { buildLossRows, type LossCurves } from './loss-rows';
import { STRATEGY_COLOURS } from './strategy-colours';

export interface LossChartProps {
  curves: LossCurves;
  /** Steps per strategy, for the x axis while training is still under way. */
  totalSteps: number;
}

/**
 * Live training loss, one line per strategy (InfoNCE on each step's batch; lower is better).
 * Memoised: progress text changes often and must not redraw the chart.
 */
export const LossChart = memo(function LossChart({ curves, totalSteps }: LossChartProps) {
  const rows = buildLossRows(curves);
  const shown = BATCH_STRATEGIES.filter((s) => (curves[s]?.length ?? 0) > 0);
  return (
    <figure className="tr-chart" data-testid="training-loss-chart" aria-label="Training loss per step, one line per batch strategy">
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 18, left: 4 }}>
          <CartesianGrid stroke="#e3e6eb" />
          <XAxis
            dataKey="step"
            type="number"
            domain={[1, Math.max(totalSteps, rows.length ? rows[rows.length - 1].step : 1)]}
            allowDecimals={false}
            label={{ value: 'training step', position: 'insideBottom', offset: -10 }}
          />
          <YAxis
            width={56}
            domain={['auto', 'auto']}
            tickFormatter={(v: number) => v.toFixed(2)}
            label={{ value: 'loss', angle: -90, position: 'insideLeft' }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} labelFormatter={(step) => `step ${step}`} />
          <Legend verticalAlign="top" height={28} itemSorter={null} />
          {shown.map((s) => (
            <Line
              key={s}
              type="linear"
              dataKey={s}
              name={STRATEGY_LABELS[s]}
              stroke={STRATEGY_COLOURS[s]}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
      <figcaption className="tr-muted">
        InfoNCE loss of each training batch (in-batch negatives); lower is better. Cross-lingual batches usually start higher: matching across languages is
        harder for a frozen encoder.
      </figcaption>
    </figure>
  );
});
