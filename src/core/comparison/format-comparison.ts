import { METRICS } from '../metrics/registry';
import type { MetricName } from '../metrics/types';
import type { Comparison } from './compare-reports';
import type { TestFigures } from './significance';

const formatMetric = (m: MetricName, v: number | null) => METRICS[m].format(v);
const formatDelta = (m: MetricName, d: number | null) => METRICS[m].formatDelta(d);

function formatP(p: number): string {
  if (Number.isNaN(p)) return 'p –';
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`;
}

function describeTest(t: TestFigures): string {
  return `randomization ${formatP(t.p)} (${t.exact ? 'exact' : `${t.permutations.toLocaleString('en-US')} flips`}), t-test ${formatP(t.tP)}, n = ${t.n}`;
}

/**
 * A comparison as plain lines (the analyze command prints these; every view shows the same
 * things): the heading in column order, the direction, caveats, each figure with arrow, change and
 * verdict, and for the tested metrics the p-values, the effect and "✓" where a cell's difference
 * holds after Holm-Bonferroni correction.
 */
export function formatComparison(c: Comparison): string[] {
  const lines = [`${c.heading} (${c.direction}; ▲/▼ = the figure went up/down, better/worse from the metric's direction)`];
  for (const caveat of c.caveats) lines.push(`  caveat: ${caveat.message}`);
  for (const s of c.settings) {
    if (s.notCompared) {
      lines.push(`  ${s.title}: not compared: ${s.notCompared}`);
      continue;
    }
    lines.push(`  ${s.title} (${s.common.length} common cell${s.common.length === 1 ? '' : 's'}):`);
    for (const f of s.figures) {
      lines.push(
        `    ${f.label.padEnd(18)} ${formatMetric(f.metric, f.a).padStart(7)} ${formatMetric(f.metric, f.b).padStart(7)}  ${f.arrow} ${formatDelta(f.metric, f.delta)} (${f.verdict === 'same' ? 'about the same' : f.verdict})`,
      );
    }
    for (const t of s.tests) {
      const label = s.figures.find((f) => f.metric === t.metric)?.label ?? t.metric;
      const holding = t.cells.filter((x) => x.holds);
      lines.push(
        `    ${label}: effect ${formatDelta(t.metric, t.overall.effect)}, ${describeTest(t.overall)}${t.unpaired ? `; ${t.unpaired} unpaired questions left out` : ''}`,
      );
      lines.push(`    ${label} per cell: the difference holds after Holm-Bonferroni (alpha ${t.alpha}) in ${holding.length} of ${t.cells.length} cells`);
      for (const x of t.cells) {
        lines.push(
          `      ${x.holds ? '✓' : ' '} ${x.key.padEnd(10)} effect ${formatDelta(t.metric, x.effect).padStart(7)}  ${formatP(x.p)}  Holm ${formatP(x.holmP)}  t-test ${formatP(x.tP)}`,
        );
      }
    }
  }
  return lines;
}
