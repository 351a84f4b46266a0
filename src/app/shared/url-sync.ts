/** Keeps the address bar equal to the view, and opens the view an address describes. */
import { decodeViewState, encodeViewState, type ViewState } from '../../core/view-state/view-state';
import { findModel } from '../../encoder/model-registry';
import { DEMO_PRESET_ID } from '../features/setup/corpus-presets';
import { foreignOrigin } from '../features/setup/open-corpus';
import type { AppState } from '../app-store';
import { useApp } from '../app-store';
import { SYNTHETIC_ID } from '../features/setup/synthetic-source';
import { IMPORTED_ID } from '../features/setup/imported-embeddings';

export function viewStateOf(s: AppState): ViewState {
  return {
    corpus: s.pendingCorpus?.ref ?? s.active?.ref ?? { kind: 'preset', id: DEMO_PRESET_ID },
    retriever: s.pendingModel ?? s.modelLoading?.modelId ?? s.retrieverId,
    query: s.query,
    question: s.questionId,
    setting: s.setting,
    target: s.target,
    languages: s.languages,
    topK: s.topK,
    tab: s.tab,
    presenter: s.presenter,
    strategy: s.strategy,
    compareStrategy: s.compareStrategy,
    tour: s.tour,
  };
}

/** The address of the current view (for the share button). */
export function currentViewUrl(): string {
  const search = encodeViewState(viewStateOf(useApp.getState()));
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}`;
}

/** Mirrors the view into the address bar (replaceState: the back button is not flooded). */
export function startUrlSync(): () => void {
  let last = '';
  return useApp.subscribe((s) => {
    if (!s.active) return; // nothing to describe until a corpus is open
    const search = encodeViewState(viewStateOf(s));
    if (search === last) return;
    last = search;
    history.replaceState(null, '', search ? `?${search}` : location.pathname);
  });
}

/** Opens the view in `search`; falls back to the demo when the named corpus cannot be opened. */
export async function openViewFromUrl(search: string): Promise<void> {
  const { state, ignored } = decodeViewState(search);
  const app = useApp.getState();
  for (const note of ignored) app.addNotice(`Ignored from the link: ${note}.`);
  useApp.setState({
    query: state.question ? '' : state.query,
    questionId: state.question,
    setting: state.setting,
    target: state.target,
    languages: state.languages,
    topK: state.topK,
    tab: state.tab,
    presenter: state.presenter,
    strategy: state.strategy,
    compareStrategy: state.compareStrategy,
    tour: state.tour ?? null,
  });
  // The synthetic benchmark's vectors come with its corpus (opened below), not as a model.
  if (state.retriever === IMPORTED_ID) {
    app.addNotice('This link was made with an embeddings file; a link cannot carry files. Open it again in Set-up (Embeddings file); BM25 ranks meanwhile.');
  } else if (state.retriever !== 'bm25' && state.retriever !== SYNTHETIC_ID) {
    // Models served by this site load at once; a hub download waits for the person to agree.
    const entry = findModel(state.retriever);
    if (entry && !entry.hub) void app.setRetriever(entry.id);
    else app.proposeModel(state.retriever);
  }
  const foreign = foreignOrigin(state.corpus, location.href);
  if (foreign) {
    // Another site's corpus waits for the person to agree; the demo is open meanwhile.
    app.proposeCorpus(state.corpus, foreign);
  } else if (state.corpus.kind === 'picked') {
    app.addNotice(
      `This link was made with files picked on another visit ("${state.corpus.name}"); a link cannot carry files. Pick them again in Set-up; the demo is open meanwhile.`,
    );
  } else if (await app.openCorpus(state.corpus, undefined, { fromLink: true })) {
    return;
  }
  if (state.corpus.kind === 'preset' && state.corpus.id === DEMO_PRESET_ID) return; // the demo itself failed: its problem is on screen
  const problem = useApp.getState().corpusProblem;
  await useApp.getState().openCorpus({ kind: 'preset', id: DEMO_PRESET_ID }, undefined, { fromLink: true });
  if (problem) useApp.setState({ corpusProblem: problem }); // still say why the linked corpus is not the one open
}
