/**
 * One comparison of run B against run A, as every view shows it: the heading (A, then B, as the
 * columns are), the caveats, each figure over the common cells with its change B minus A, and the
 * significance of the tested figures; the per-cell tests in a details table.
 */
import type { Comparison } from '../../../core/comparison/compare-reports';
import { describeCells, figureRows, significanceNote, testRows, type FigureRow, type SignificanceStatus } from '../../../core/comparison/comparison-view';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { DataTable, type Column } from '../../ui/data-table';
import { CaveatList } from './caveat-list';
import { CellTestsTable } from './cell-tests-table';
import './comparison.css';

export interface ComparisonSectionProps {
  comparison: Comparison;
  /** The two reports compared (A first), to say which settings lack per-question records. */
  a: EvalReport;
  b: EvalReport;
  status: SignificanceStatus;
  problem?: string | null;
  /** Only these metrics' rows (default: every figure of the comparison). */
  metrics?: readonly string[];
  testId?: string;
  /** The heading's level: h3 in the Evaluation tab, h4 inside the Training results. */
  level?: 3 | 4;
}

const VERDICT_WORDS = { better: 'better', worse: 'worse', same: 'about the same' } as const;

export function ComparisonSection({ comparison: c, a, b, status, problem, metrics, testId = 'comparison', level = 3 }: ComparisonSectionProps) {
  const rows = figureRows(c).filter((r) => r.delta !== null && (!metrics || metrics.includes(r.metric)));
  const tests = testRows(c);
  const Heading = level === 3 ? 'h3' : 'h4';
  const columns: Column<FigureRow>[] = [
    { key: 'setting', label: 'Setting', rowHeader: true, cell: (r) => r.settingTitle },
    { key: 'metric', label: 'Metric', cell: (r) => r.label },
    { key: 'a', label: c.columns[0], numeric: true, cell: (r) => r.aText, cellProps: (r) => ({ 'data-column': 'a', 'data-value': r.a ?? '' }) },
    { key: 'b', label: c.columns[1], numeric: true, cell: (r) => r.bText, cellProps: (r) => ({ 'data-column': 'b', 'data-value': r.b ?? '' }) },
    {
      key: 'change',
      label: 'Change (B − A)',
      numeric: true,
      cellProps: (r) => ({ className: `cmp-${r.verdict}`, 'data-column': 'change', 'data-value': r.delta ?? '', 'data-verdict': r.verdict }),
      cell: (r) => (
        <>
          <span aria-hidden="true">{r.arrow} </span>
          {r.changeText} <span className="cmp-verdict">({VERDICT_WORDS[r.verdict]})</span>
        </>
      ),
    },
    {
      key: 'effect',
      label: 'Paired effect',
      numeric: true,
      cell: (r) => r.test?.effectText ?? '',
      cellProps: (r) => ({ 'data-column': 'effect', 'data-value': r.test?.effect ?? '' }),
    },
    {
      key: 'p',
      label: 'p (randomization)',
      title: 'Paired randomization test, two-sided: 10,000 seeded sign flips (all of them when fewer)',
      numeric: true,
      cell: (r) => (r.test ? `${r.test.pText}${r.test.mark}` : ''),
      cellProps: (r) => ({ 'data-column': 'p', 'data-value': r.test?.p ?? '' }),
    },
    {
      key: 'tp',
      label: 'p (t-test)',
      title: 'Paired t-test, two-sided (stratified by cell for the macro figure)',
      numeric: true,
      cell: (r) => r.test?.tPText ?? '',
      cellProps: (r) => ({ 'data-column': 'tp', 'data-value': r.test?.tP ?? '' }),
    },
    {
      key: 'holds',
      label: 'Cells holding (Holm)',
      title: 'Cells whose difference holds after Holm-Bonferroni correction across the setting’s cells (α = 0.05)',
      numeric: true,
      cell: (r) => (r.test ? `${r.test.holding} of ${r.test.cells}${r.test.holding ? ' ✓' : ''}` : ''),
      cellProps: (r) => ({ 'data-column': 'holds', 'data-value': r.test?.holding ?? '' }),
    },
  ];
  const notes = c.settings.map((s) => ({ s, cells: describeCells(s), significance: significanceNote(s, a, b, status) }));
  return (
    <section className="cmp" data-testid={testId} data-status={status} aria-label={`Comparison: ${c.heading}`}>
      <Heading className="cmp-heading">{c.heading}</Heading>
      <p className="cmp-direction">
        {c.direction}. ▲/▼: the figure went up/down; the colour and the word say whether that is better or worse for {c.b} (lower is better for rank distance).
      </p>
      <CaveatList caveats={c.caveats} />
      {status === 'testing' && (
        <p className="cmp-status" role="status" data-testid="significance-testing">
          Testing significance… (paired randomization with 10,000 sign flips and the paired t-test, in a background worker; the figures below are final, only
          the tests are pending)
        </p>
      )}
      {status === 'failed' && (
        <p className="cmp-status" role="alert" data-testid="significance-failed">
          Significance could not be tested: {problem}
        </p>
      )}
      <div className="cmp-table-wrap">
        <DataTable
          className="cmp-table"
          testId={`${testId}-figures`}
          caption="Macro averages over the cells both runs hold; change = second column minus first. * p < 0.05, ** p < 0.01 (randomization test of the setting’s macro difference); ✓ cells whose difference holds after Holm-Bonferroni correction."
          columns={columns}
          rows={rows}
          rowKey={(r) => `${r.setting}-${r.metric}`}
          rowProps={(r) => ({ 'data-setting': r.setting, 'data-metric': r.metric })}
        />
      </div>
      <ul className="cmp-notes" data-testid={`${testId}-notes`}>
        {notes.map(({ s, cells, significance }) => (
          <li key={s.setting} data-setting={s.setting} data-common={s.common.length}>
            <b>{s.title}</b>: {cells}
            {significance && <span className="cmp-note-significance"> · {significance}</span>}
          </li>
        ))}
      </ul>
      {tests.length > 0 && <CellTestsTable tests={tests} testId={`${testId}-cells`} />}
    </section>
  );
}
