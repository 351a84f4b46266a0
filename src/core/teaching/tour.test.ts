import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE, decodeViewState } from '../view-state/view-state';
import { applyTourStep, findTourStep, TOUR_STEPS, tourStepLink } from './tour';

describe('the guided tour', () => {
  it('has 6 to 10 steps, each with a unique id, a panel and two or three sentences', () => {
    expect(TOUR_STEPS.length).toBeGreaterThanOrEqual(6);
    expect(TOUR_STEPS.length).toBeLessThanOrEqual(10);
    expect(new Set(TOUR_STEPS.map((s) => s.id)).size).toBe(TOUR_STEPS.length);
    for (const step of TOUR_STEPS) {
      const sentences = step.text.split(/(?<=[.!?])\s+/).filter(Boolean);
      expect(sentences.length, step.id).toBeGreaterThanOrEqual(2);
      expect(sentences.length, step.id).toBeLessThanOrEqual(3);
      expect(step.panel).toMatch(/^[a-z-]+$/);
    }
  });

  it("tells the story in the paper's order: one ranking, a corpus, batches, training, result, zero-shot", () => {
    expect(TOUR_STEPS.map((s) => s.view.tab)).toEqual(['ranking', 'ranking', 'evaluation', 'training', 'training', 'training', 'training', 'training']);
    expect(TOUR_STEPS.map((s) => s.panel)).toEqual([
      'ladder',
      'results',
      'evaluation',
      'batches',
      'infonce',
      'training-run',
      'strategy-view',
      'training-settings',
    ]);
  });

  it('gives each step its own link that reopens that step on the same corpus and model', () => {
    const here = { ...DEFAULT_VIEW_STATE, corpus: { kind: 'preset' as const, id: 'xquad-r' }, retriever: 'Xenova/multilingual-e5-small', presenter: true };
    for (const step of TOUR_STEPS) {
      const { state, ignored } = decodeViewState(tourStepLink(here, step));
      expect(ignored).toEqual([]);
      expect(state).toEqual(applyTourStep(here, step));
      expect(state).toMatchObject({ tour: step.id, corpus: { id: 'xquad-r' }, retriever: 'Xenova/multilingual-e5-small', presenter: true });
      expect(findTourStep(state.tour)?.step).toBe(step);
    }
    expect(tourStepLink(DEFAULT_VIEW_STATE, TOUR_STEPS[1])).toBe('setting=cross&target=zh&tour=other-language');
  });

  it('ignores a malformed step name in a link, saying so', () => {
    expect(decodeViewState('tour=<script>').ignored).toEqual(['tour=<script>: expected a tour step name such as "one-ranking"']);
    expect(findTourStep('no-such-step')).toBeNull();
  });
});
