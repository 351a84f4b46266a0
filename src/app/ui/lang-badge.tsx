import type { LangCode } from '../../core/corpus/types';
import { describeLanguage, languageHue } from '../shared/lang-names';
import { useApp } from '../app-store';
import './ui.css';

/** A language code in its own colour, with the full name (English and native) on hover and for screen readers. */
export function LangBadge({ lang, showName = false }: { lang: LangCode; showName?: boolean }) {
  const index = useApp((s) => s.active?.corpus.languages.indexOf(lang) ?? -1);
  const name = describeLanguage(lang);
  return (
    // The name as hidden text, not aria-label: a plain span may not carry one (axe aria-prohibited-attr).
    <span className="lang-badge" style={{ '--hue': languageHue(Math.max(0, index)) } as React.CSSProperties} title={name} data-lang={lang}>
      <span aria-hidden="true">{lang}</span>
      {showName && (
        <span className="lang-badge-name" aria-hidden="true">
          {name}
        </span>
      )}
      <span className="sr-only">{name}</span>
    </span>
  );
}
