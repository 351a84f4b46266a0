/**
 * The guided tour: the paper's story told with the live lab, one step per panel. Each step sets
 * the view through the URL state (so it has its own link), names the panel it talks about (the
 * page highlights the element with that data-tour-panel), and says in two or three sentences
 * what to see. Steps leave the corpus and retriever alone except the first, so the tour runs on
 * the loaded model's corpus when there is one, and offline on the demo and the synthetic benchmark.
 */
import { encodeViewState, type ViewState } from '../view-state/view-state';

export interface TourStep {
  id: string;
  title: string;
  /** Two or three sentences: what to look at, and why it matters. */
  text: string;
  /** What the step changes in the view (the rest stays as the person left it). */
  view: Partial<Omit<ViewState, 'tour'>>;
  /** The data-tour-panel value of the element to highlight. */
  panel: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    id: 'one-ranking',
    title: 'Language bias in one ranking',
    text:
      'One question ranked against passages in every language at once. The answer ladder puts a dot at the rank of the answer in each language; ' +
      'the gap between the first and the last dot is the maximum rank distance, the paper’s measure of language bias.',
    view: { tab: 'ranking', setting: 'multi', strategy: 'untrained', compareStrategy: null },
    panel: 'ladder',
  },
  {
    id: 'other-language',
    title: 'Asking across languages',
    text:
      'Now the same question against Chinese passages only. A word-matching retriever such as BM25 finds no shared word, so every score is 0 and the order is by passage id. ' +
      'Crossing languages needs an encoder that maps meaning, not words.',
    view: { tab: 'ranking', setting: 'cross', target: 'zh', compareStrategy: null },
    panel: 'results',
  },
  {
    id: 'over-a-corpus',
    title: 'Bias measured over a corpus',
    text:
      'One question is an anecdote. The Evaluation tab scores every question in three settings, monolingual, cross-lingual and multilingual, ' +
      'and draws the maximum rank distance per language and the share of each top 10 that is the question’s own language.',
    view: { tab: 'evaluation', setting: 'multi' },
    panel: 'evaluation',
  },
  {
    id: 'batch-kinds',
    title: 'Three ways to fill a batch',
    text:
      'The paper trains the same encoder three ways that differ only in what a batch holds. Monolingual batches are one language; ' +
      'cross-lingual batches pair each question with its answer in another language; hybrid batches are one or the other at random.',
    view: { tab: 'training' },
    panel: 'batches',
  },
  {
    id: 'infonce-step',
    title: 'One training step',
    text:
      'Each question is pulled towards its own answer and pushed away from the other answers in its batch, the in-batch negatives. ' +
      'In a monolingual batch every negative shares the question’s language, so language never tells right from wrong; in a cross-lingual batch it misleads, and training learns to look past it.',
    view: { tab: 'training' },
    panel: 'infonce',
  },
  {
    id: 'training',
    title: 'Training, live',
    text:
      'Train one adapter per strategy here: on the synthetic benchmark, which needs no model, or on the open corpus with a loaded model. ' +
      'The loss curves fall as each strategy learns its own kind of batch.',
    view: { tab: 'training' },
    panel: 'training-run',
  },
  {
    id: 'result',
    title: 'The result, side by side',
    text:
      'All strategies and the untrained encoder from one run: the spread between languages, the language mix of the top 10, and mAP in each setting. ' +
      'The paper’s own figures (full fine-tuning, XQuAD-R) sit beside ours, for scale and direction.',
    view: { tab: 'training' },
    panel: 'strategy-view',
  },
  {
    id: 'zero-shot',
    title: 'Languages never trained on',
    text:
      'The paper kept Greek and Vietnamese out of training and still scored them: zero-shot. ' +
      'Hold languages out in the training settings and see whether a strategy’s gain carries over to languages it never saw.',
    view: { tab: 'training' },
    panel: 'training-settings',
  },
];

export function findTourStep(id: string | null | undefined): { step: TourStep; index: number } | null {
  const index = TOUR_STEPS.findIndex((s) => s.id === id);
  return index < 0 ? null : { step: TOUR_STEPS[index], index };
}

/** The view a step shows, from the view the person is in. */
export function applyTourStep(view: ViewState, step: TourStep): ViewState {
  return { ...view, ...step.view, tour: step.id };
}

/** The step's own link (query string without "?"), from the view the person is in. */
export function tourStepLink(view: ViewState, step: TourStep): string {
  return encodeViewState(applyTourStep(view, step));
}
