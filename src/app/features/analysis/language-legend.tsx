import type { LangCode } from '../../../core/corpus/types';
import { languageLabel } from '../../../core/analysis/language-labels';

export interface LanguageLegendProps {
  langs: readonly LangCode[];
  colours: ReadonlyMap<LangCode, string>;
  /** When given, each entry is a toggle button (pressed = shown). */
  hidden?: ReadonlySet<LangCode>;
  onToggle?: (lang: LangCode) => void;
  counts?: ReadonlyMap<LangCode, number>;
}

/** Colour swatches with language names and codes (colour alone cannot tell 15 languages apart). */
export function LanguageLegend({ langs, colours, hidden, onToggle, counts }: LanguageLegendProps) {
  return (
    <ul className="an-legend" aria-label="Languages">
      {langs.map((l) => {
        const body = (
          <>
            <span className="an-swatch" style={{ background: colours.get(l) }} aria-hidden="true" />
            <span>{languageLabel(l)}</span>
            {counts && <span className="an-legend-count">· {counts.get(l) ?? 0}</span>}
          </>
        );
        return (
          <li key={l}>
            {onToggle ? (
              <button type="button" className="an-legend-toggle" aria-pressed={!hidden?.has(l)} onClick={() => onToggle(l)}>
                {body}
              </button>
            ) : (
              body
            )}
          </li>
        );
      })}
    </ul>
  );
}
