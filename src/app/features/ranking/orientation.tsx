/**
 * The first minute: one line on what the page shows and what to try, on the first open in this
 * browser (not in presenter mode or during the tour, which say their own). Dismissed for good.
 */
import { useState } from 'react';
import { useApp } from '../../app-store';
import { TOUR_STEPS } from '../../../core/teaching/tour';
import { showTourStep } from '../tour/tour-slot';

const SEEN_KEY = 'xling-lab.oriented';

function seenBefore(): boolean {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false; // storage blocked: show it, it can still be closed for this page
  }
}

export function Orientation() {
  const [seen, setSeen] = useState(seenBefore);
  const presenter = useApp((s) => s.presenter);
  const touring = useApp((s) => s.tour !== null);
  const languages = useApp((s) => s.active?.corpus.languages.length ?? 0);
  if (seen || presenter || touring) return null;
  const close = () => {
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // storage blocked: closed for this page only
    }
    setSeen(true);
  };
  return (
    <div className="orientation" role="note" data-testid="orientation">
      <p>
        One question, passages in {languages} languages: green rows are its answers, and the ladder shows how far apart the languages’ answers land (the
        language bias). Try <b>Multilingual</b> against <b>Cross-lingual</b>.{' '}
        <button type="button" className="link-button" onClick={() => showTourStep(TOUR_STEPS[0].id)}>
          Take the tour
        </button>{' '}
        ·{' '}
        <button type="button" className="link-button" onClick={close} data-testid="orientation-close">
          Got it
        </button>
      </p>
    </div>
  );
}
