import { useApp } from '../../app-store';
import { SYNTHETIC_ID } from '../setup/synthetic-source';

/** Says, over the synthetic benchmark, that its items are labels of generated vectors, not text. */
export function SyntheticBanner() {
  const on = useApp((s) => s.retrieverId === SYNTHETIC_ID);
  if (!on) return null;
  return (
    <div className="hint-box synthetic-banner" role="note" data-testid="synthetic-banner">
      <b>Synthetic benchmark.</b> Every question and passage is a made-up item, named by its number, language and topic, and ranked by a generated vector with a
      built-in language signal: no text, no model. Pick a question by language; train on this benchmark in Training to switch strategies here.
    </div>
  );
}
