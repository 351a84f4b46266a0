import { useApp } from '../../app-store';
import { languagesInPlay } from '../ranking/query-slice';
import { describeLanguage } from '../../shared/lang-names';
import { LangBadge } from '../../ui/lang-badge';

export function LanguagesSection() {
  const active = useApp((s) => s.active);
  const inPlay = useApp((s) => languagesInPlay(s).join(','));
  if (!active) return null;
  const selected = new Set(inPlay.split(','));
  const { setLanguages, toggleLanguage } = useApp.getState();
  return (
    <section className="panel-section" aria-labelledby="langs-title">
      <div className="section-head">
        <h2 id="langs-title">Languages</h2>
        <button type="button" className="link-button" onClick={() => setLanguages(null)} disabled={selected.size === active.corpus.languages.length}>
          all
        </button>
      </div>
      <div className="hint">In the multilingual pool and the evaluation. “only” keeps one language; tick others to add them, “all” brings every one back.</div>
      <ul className="lang-list">
        {active.corpus.languages.map((l) => {
          const questions = active.questionsByLang.get(l)?.length ?? 0;
          return (
            <li key={l}>
              <label className="lang-option">
                <input type="checkbox" checked={selected.has(l)} onChange={() => toggleLanguage(l)} data-testid={`lang-toggle-${l}`} />
                <LangBadge lang={l} />
                <span className="lang-option-name">{describeLanguage(l)}</span>
                <span className="muted small" title={questions ? `${questions} questions` : 'passages only: no questions in this language'}>
                  {questions ? questions.toLocaleString('en') : 'no q.'}
                </span>
              </label>
              {/* One click to this language alone, then tick the few to add: no unticking a dozen. */}
              <button
                type="button"
                className="link-button lang-only"
                onClick={() => setLanguages([l])}
                disabled={selected.size === 1 && selected.has(l)}
                aria-label={`Only ${describeLanguage(l)}`}
                data-testid={`lang-only-${l}`}
              >
                only
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
