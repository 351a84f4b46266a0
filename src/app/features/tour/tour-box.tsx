/**
 * The guided tour's box: the step's title and two or three sentences, step i of n, back and next
 * (also the arrow keys and a clicker's PageUp / PageDown), the step's own link, and an end button.
 * It sits in a corner, so the panel it highlights stays in view; it works in presenter mode too.
 */
import { useCallback } from 'react';
import { TOUR_STEPS, findTourStep } from '../../../core/teaching/tour';
import { useTourHighlight, useTourKeys } from './use-tour-keys';
import './tour.css';

export interface TourBoxProps {
  /** The step on show (its id), or null when no tour is running. */
  stepId: string | null;
  /** Shows a step (applying its view) or, with null, ends the tour. */
  onStep: (id: string | null) => void;
  /** The link of a step from the current view (query string, without "?"). */
  linkOf: (id: string) => string;
}

export function TourBox({ stepId, onStep, linkOf }: TourBoxProps) {
  const found = findTourStep(stepId);
  const index = found?.index ?? -1;
  const go = useCallback(
    (delta: number) => {
      const next = index + delta;
      if (next >= 0 && next < TOUR_STEPS.length) onStep(TOUR_STEPS[next].id);
    },
    [index, onStep],
  );
  const end = useCallback(() => onStep(null), [onStep]);
  useTourKeys(found !== null, go, end);
  useTourHighlight(found?.step.panel ?? null);
  if (!found) return null;
  const { step } = found;
  return (
    <aside className="tour-box" aria-labelledby="tour-title" data-testid="tour" data-step={step.id}>
      <p className="tour-count" data-testid="tour-count">
        Step {index + 1} of {TOUR_STEPS.length}
      </p>
      <h2 id="tour-title" data-testid="tour-title">
        {step.title}
      </h2>
      <p className="tour-text" data-testid="tour-text" aria-live="polite">
        {step.text}
      </p>
      <div className="tour-actions">
        <button type="button" className="button small" disabled={index === 0} onClick={() => go(-1)} data-testid="tour-back">
          Back
        </button>
        <button type="button" className="button small primary" disabled={index === TOUR_STEPS.length - 1} onClick={() => go(1)} data-testid="tour-next">
          Next
        </button>
        <a className="tour-link" href={`?${linkOf(step.id)}`} data-testid="tour-step-link">
          Link to this step
        </a>
        <button type="button" className="button small ghost" onClick={end} data-testid="tour-end">
          End tour
        </button>
      </div>
      <p className="tour-keys muted">← → or Page Up / Down to move, Esc to end.</p>
    </aside>
  );
}
