import { SETTINGS } from '../../../core/metrics/registry';
import type { SettingName } from '../../../core/metrics/types';
import { MAX_TOP_K } from '../../../core/view-state/view-state';
import { describeLanguage } from '../../shared/lang-names';
import { useApp } from '../../app-store';
import { currentQuestion, languagesInPlay } from './query-slice';
import { ExportButtons } from './export-buttons';
import { QuestionPicker } from './question-picker';

/** The setting buttons: labels from the registry, what each ranks against and its key in the title. */
const SETTING_BUTTONS: { id: SettingName; label: string; title: string }[] = [
  { id: 'mono', label: SETTINGS.mono.label, title: 'Passages in the question’s own language (1)' },
  { id: 'cross', label: SETTINGS.cross.label, title: 'Passages in one other language (2)' },
  { id: 'multi', label: SETTINGS.multi.label, title: 'One pool of every selected language (3)' },
];

export function QueryBar() {
  const active = useApp((s) => s.active);
  const query = useApp((s) => s.query);
  const question = useApp(currentQuestion);
  const setting = useApp((s) => s.setting);
  const target = useApp((s) => s.target);
  const topK = useApp((s) => s.topK);
  const note = useApp((s) => s.queryNote);
  const inPlay = useApp((s) => languagesInPlay(s).join(','));
  const app = useApp.getState();
  if (!active) return null;

  const questionLang = question?.lang ?? active.corpus.languages.find((l) => (active.questionsByLang.get(l)?.length ?? 0) > 0) ?? active.corpus.languages[0];
  const questionsHere = active.questionsByLang.get(questionLang) ?? [];
  const needsTarget = setting === 'cross' || (setting === 'mono' && !question);
  const targets = inPlay.split(',').filter(Boolean);

  return (
    <section className="query-card" aria-label="Query">
      <div className="query-row">
        <label htmlFor="query-input" className="sr-only">
          Query
        </label>
        <input
          id="query-input"
          className="query-input"
          type="text"
          enterKeyHint="search"
          dir="auto"
          lang={question?.lang}
          autoComplete="off"
          spellCheck={false}
          placeholder="Ask in any language…  ( / )"
          value={query}
          onChange={(e) => app.setQueryText(e.target.value)}
        />
        <span className={`query-kind ${question ? 'benchmark' : 'free'}`} data-testid="query-kind">
          {question ? `benchmark question ${question.qid} · ${question.relevant.length} answers` : 'free text · no known answers'}
        </span>
      </div>

      <div className="query-controls">
        <div className="field compact">
          <label htmlFor="question-lang">Question in</label>
          <select id="question-lang" value={questionLang} onChange={(e) => app.pickQuestionLanguage(e.target.value)} data-testid="question-lang">
            {active.corpus.languages.map((l) => {
              const n = active.questionsByLang.get(l)?.length ?? 0;
              return (
                <option key={l} value={l}>
                  {describeLanguage(l)}
                  {n ? '' : ' — no questions'}
                </option>
              );
            })}
          </select>
        </div>
        <div className="field compact grow">
          <label htmlFor="question-select">Benchmark question</label>
          <QuestionPicker questions={questionsHere} current={question} onPick={(id) => app.pickQuestion(id)} />
        </div>
      </div>

      <div className="query-controls">
        <div className="segmented" role="radiogroup" aria-label="Setting">
          {SETTING_BUTTONS.map((s) => (
            <button
              key={s.id}
              type="button"
              role="radio"
              aria-checked={setting === s.id}
              title={s.title}
              onClick={() => app.setSetting(s.id)}
              data-testid={`setting-${s.id}`}
            >
              {s.label}
            </button>
          ))}
        </div>
        {needsTarget && (
          <div className="field compact">
            <label htmlFor="target-lang">{setting === 'cross' ? 'Passages in' : 'Passages in'}</label>
            <select id="target-lang" value={target ?? ''} onChange={(e) => app.setTarget(e.target.value)} data-testid="target-lang">
              {targets.map((l) => (
                <option key={l} value={l}>
                  {describeLanguage(l)}
                  {question && l === question.lang ? ' (same as the question)' : ''}
                </option>
              ))}
            </select>
          </div>
        )}
        <div className="field compact">
          <label htmlFor="top-k">Top k</label>
          <input
            id="top-k"
            type="number"
            min={1}
            max={MAX_TOP_K}
            value={topK}
            onChange={(e) => app.setTopK(Number(e.target.value))}
            className="narrow"
            data-testid="top-k"
          />
        </div>
        <div className="spacer" />
        <ExportButtons />
      </div>
      {note && (
        <div className="note" role="status" data-testid="query-note">
          {note}
        </div>
      )}
    </section>
  );
}
