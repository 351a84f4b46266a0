import type { TestRow } from '../../../core/comparison/comparison-view';

/** Per cell, every test of a comparison: effect, randomization p, Holm-adjusted p, t-test p, and ✓ where the difference holds after correction. */
export function CellTestsTable({ tests, testId }: { tests: readonly TestRow[]; testId: string }) {
  return (
    <details className="cmp-cells" data-testid={testId}>
      <summary>Significance per cell ({tests.reduce((n, t) => n + t.cells, 0)} tests)</summary>
      {tests.map((t) => (
        <table key={`${t.setting}-${t.metric}`} className="cmp-table" data-setting={t.setting} data-metric={t.metric}>
          <caption>
            {t.setting} {t.label}: the difference holds after Holm-Bonferroni correction (α = {t.alpha}) in {t.holding} of {t.cells} cells.
            {t.unpaired ? ` ${t.unpaired} questions scored in one run only are left out.` : ''}
          </caption>
          <thead>
            <tr>
              <th scope="col">Cell</th>
              <th scope="col">Questions</th>
              <th scope="col">Effect</th>
              <th scope="col">p (randomization)</th>
              <th scope="col">p (Holm)</th>
              <th scope="col">p (t-test)</th>
              <th scope="col">Holds</th>
            </tr>
          </thead>
          <tbody>
            {t.perCell.map((c) => (
              <tr key={c.key} data-cell={c.key} data-p={c.p} data-holm={c.holmP} data-tp={c.tP} data-holds={c.holds}>
                <th scope="row">{c.key}</th>
                <td>{c.n}</td>
                <td>{c.effectText}</td>
                <td>{c.pText}</td>
                <td>{c.holmPText}</td>
                <td>{c.tPText}</td>
                <td>{c.holds ? '✓' : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </details>
  );
}
