/** The tour box wired to the app: a step sets its view through the store, so the URL follows. */
import { useCallback } from 'react';
import { findTourStep, tourStepLink } from '../../../core/teaching/tour';
import { useApp } from '../../app-store';
import { viewStateOf } from '../../shared/url-sync';
import { TourBox } from './tour-box';

/** Shows a step (its tab, setting, target, strategies) or, with null, ends the tour. */
export function showTourStep(id: string | null): void {
  const app = useApp.getState();
  const found = findTourStep(id);
  if (!found) {
    app.setTour(null);
    return;
  }
  const { view } = found.step;
  if (view.tab) app.setTab(view.tab);
  if (view.setting) app.setSetting(view.setting);
  // A target the open corpus lacks is left alone (the tour runs on whatever corpus is open).
  if (view.target && app.active?.corpus.languages.includes(view.target)) app.setTarget(view.target);
  if (view.strategy) app.setStrategy(view.strategy);
  if (view.compareStrategy === null && app.compareStrategy !== null) app.setCompareStrategy(null);
  app.setTour(found.step.id);
}

export function TourSlot() {
  const tour = useApp((s) => s.tour);
  const linkOf = useCallback((id: string) => tourStepLink(viewStateOf(useApp.getState()), findTourStep(id)!.step), []);
  return <TourBox stepId={tour} onStep={showTourStep} linkOf={linkOf} />;
}
