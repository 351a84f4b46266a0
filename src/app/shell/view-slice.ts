/** Which tab, presenter mode, the help overlay and page-level notices. */
import type { ViewTab } from '../../core/view-state/view-state';
import type { SliceCreator } from '../app-store';

export interface ViewSlice {
  tab: ViewTab;
  presenter: boolean;
  helpOpen: boolean;
  /** The guided tour's step on show (src/core/teaching/tour.ts), or null. */
  tour: string | null;
  /** Sentences for the person at the top of the page, dismissable. */
  notices: string[];
  setTab(tab: ViewTab): void;
  setPresenter(on: boolean): void;
  setHelpOpen(open: boolean): void;
  setTour(id: string | null): void;
  addNotice(text: string): void;
  dismissNotice(index: number): void;
}

export const createViewSlice: SliceCreator<ViewSlice> = (set, get) => ({
  tab: 'ranking',
  presenter: false,
  helpOpen: false,
  tour: null,
  notices: [],
  setTab: (tab) => set({ tab }),
  setPresenter: (presenter) => set({ presenter }),
  setHelpOpen: (helpOpen) => set({ helpOpen }),
  setTour: (tour) => set({ tour }),
  addNotice: (text) => set({ notices: get().notices.includes(text) ? get().notices : [...get().notices, text] }),
  dismissNotice: (index) => set({ notices: get().notices.filter((_, i) => i !== index) }),
});
