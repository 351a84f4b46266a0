import { languageLabel } from '../../../core/analysis/language-labels';
import type { LangCode } from '../../../core/corpus/types';

export interface MapFocusInfoProps {
  /** The text pointed at or kept, if any. */
  focused: { id: string; lang: LangCode; text: string; kind?: 'query' | 'passage' } | null;
  /** Its language's colour. */
  colour: string;
  /** How many translations the lines join it to. */
  translations: number;
  /** Kept by a click or Enter (not just pointed at). */
  pinned: boolean;
  /** The map shows a question and its answers. */
  highlight: boolean;
}

/** Under the embedding map: the text pointed at (as text), or how to point at one. */
export function MapFocusInfo({ focused, colour, translations, pinned, highlight }: MapFocusInfoProps) {
  return (
    <div className="an-map-info" aria-live="polite">
      {focused ? (
        <>
          <p className="an-map-info-head">
            <span className="an-swatch" style={{ background: colour }} aria-hidden="true" /> {languageLabel(focused.lang)} ·{' '}
            {focused.kind === 'query' ? 'question' : 'passage'} · <code>{focused.id}</code>
            {translations > 0 && ` · lines join its ${translations} translation${translations === 1 ? '' : 's'}`}
            {pinned && ' (kept; click it again or press Escape to release)'}
          </p>
          <p className="an-map-text" lang={focused.lang} dir="auto">
            {focused.text}
          </p>
        </>
      ) : (
        <p className="an-muted">
          Point at a dot (or focus the map and use the arrow keys) to read its text{highlight ? '; the star is the question, outlined dots its answers' : ''}.
        </p>
      )}
    </div>
  );
}
