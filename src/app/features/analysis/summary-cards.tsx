import type { Comparison } from '../../../core/comparison/compare-reports';
import type { EvalReport } from '../../../core/evaluation/eval-report';
import { METRICS } from '../../../core/metrics/registry';
import { buildSummaryCards, type SummaryFigure } from '../../../core/analysis/summary-data';

export interface SummaryCardsProps {
  report: EvalReport;
  /** The report on screen compared with another (compareReports, this report as B). */
  comparison?: Comparison;
  reportLabel: string;
}

/** The headline numbers: mAP, R@1 and R@10 per setting, and the language-bias figure; compared, A ▲/▼ B (change) over the common cells. */
export function SummaryCards({ report, comparison, reportLabel }: SummaryCardsProps) {
  const cards = buildSummaryCards(report, comparison);
  return (
    <div className="an-cards" role="list">
      {cards.map((card) => {
        const [head, ...rest] = card.figures;
        return (
          <article key={card.id} className={`an-card an-card-${card.id}`} role="listitem" aria-label={card.title}>
            <h3>{card.title}</h3>
            <p className="an-card-explain">{card.explanation}</p>
            <p className="an-card-head">
              <span className="an-card-label">{head.label}</span> <FigureValue figure={head} comparison={comparison} valueClass="an-card-value" />
            </p>
            {rest.length > 0 && (
              <dl className="an-card-figures">
                {rest.map((f) => (
                  <div key={f.metric}>
                    <dt>{f.label}</dt>
                    <dd>
                      <FigureValue figure={f} comparison={comparison} />
                    </dd>
                  </div>
                ))}
              </dl>
            )}
            {head.notCompared && <p className="an-card-explain">Not compared: {head.notCompared}.</p>}
          </article>
        );
      })}
      <p className="an-visually-hidden">
        {comparison ? `Figures compare ${comparison.a} (first) with ${comparison.b} (second), over the cells both hold.` : `Figures are for ${reportLabel}.`}
      </p>
    </div>
  );
}

const WORDS = { better: 'better', worse: 'worse', same: 'about the same' } as const;

/** The figure alone, or compared: "A ▲ B (+change)", coloured and worded by whether B is better. */
function FigureValue({ figure, comparison, valueClass }: { figure: SummaryFigure; comparison?: Comparison; valueClass?: string }) {
  const spec = METRICS[figure.metric];
  const c = figure.compared;
  if (!comparison || !c) return <span className={valueClass}>{spec.format(figure.value)}</span>;
  return (
    <span title={`${comparison.a}: ${spec.format(c.a)}; ${comparison.b}: ${spec.format(c.b)} (over the cells both runs hold)`}>
      <span className="an-card-first">{spec.format(c.a)}</span>{' '}
      <span className={`an-delta an-delta-${c.verdict}`}>
        <span aria-hidden="true">{c.arrow}</span> <span className={valueClass}>{spec.format(c.b)}</span> ({spec.formatDelta(c.delta)})
        <span className="an-visually-hidden">
          , {comparison.b} is {WORDS[c.verdict]}
        </span>
      </span>
    </span>
  );
}
