import type { EvalReport } from '../../../core/evaluation/eval-report';
import { METRICS } from '../../../core/metrics/registry';
import { buildSummaryCards, type SummaryFigure } from '../../../core/analysis/summary-data';

export interface SummaryCardsProps {
  report: EvalReport;
  compare?: EvalReport;
  reportLabel: string;
  compareLabel?: string;
}

/** The headline numbers: mAP, R@1 and R@10 per setting, and the language-bias figure. */
export function SummaryCards({ report, compare, reportLabel, compareLabel }: SummaryCardsProps) {
  const cards = buildSummaryCards(report, compare);
  return (
    <div className="an-cards" role="list">
      {cards.map((card) => {
        const [head, ...rest] = card.figures;
        return (
          <article key={card.id} className={`an-card an-card-${card.id}`} role="listitem" aria-label={card.title}>
            <h3>{card.title}</h3>
            <p className="an-card-explain">{card.explanation}</p>
            <p className="an-card-head">
              <span className="an-card-label">{head.label}</span> <span className="an-card-value">{METRICS[head.metric].format(head.value)}</span>
              {compare && <CompareLine figure={head} compareLabel={compareLabel ?? 'compared'} />}
            </p>
            {rest.length > 0 && (
              <dl className="an-card-figures">
                {rest.map((f) => (
                  <div key={f.metric}>
                    <dt>{f.label}</dt>
                    <dd>
                      {METRICS[f.metric].format(f.value)}
                      {compare && <CompareLine figure={f} compareLabel={compareLabel ?? 'compared'} />}
                    </dd>
                  </div>
                ))}
              </dl>
            )}
          </article>
        );
      })}
      <p className="an-visually-hidden">
        Figures are for {reportLabel}
        {compare ? `; arrows compare ${compareLabel} with it` : ''}.
      </p>
    </div>
  );
}

function CompareLine({ figure, compareLabel }: { figure: SummaryFigure; compareLabel: string }) {
  if (figure.compareValue === undefined) return null;
  const mark = figure.compareBetter === null ? '=' : figure.compareBetter ? '▲' : '▼';
  const tone = figure.compareBetter === null ? 'same' : figure.compareBetter ? 'better' : 'worse';
  const words = figure.compareBetter === null ? 'about the same' : figure.compareBetter ? 'better' : 'worse';
  return (
    <span className={`an-delta an-delta-${tone}`} title={`${compareLabel}: ${METRICS[figure.metric].format(figure.compareValue)}`}>
      {' '}
      <span aria-hidden="true">{mark}</span> {METRICS[figure.metric].format(figure.compareValue)} ({METRICS[figure.metric].formatDelta(figure.delta)})
      <span className="an-visually-hidden">
        , {compareLabel} is {words}
      </span>
    </span>
  );
}
