import { useEffect } from 'react';

/**
 * Next and back from the keyboard: the arrows, and PageDown / PageUp, which a presenter's clicker
 * sends. Keys typed into a field stay with the field; Escape ends the tour.
 */
export function useTourKeys(active: boolean, go: (delta: number) => void, end: () => void): void {
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.closest('input, textarea, select, [contenteditable="true"]') || e.altKey || e.ctrlKey || e.metaKey)) return;
      if (e.key === 'ArrowRight' || e.key === 'PageDown') go(1);
      else if (e.key === 'ArrowLeft' || e.key === 'PageUp') go(-1);
      else if (e.key === 'Escape') end();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [active, go, end]);
}

/**
 * Marks the panel a step talks about (data-tour-active) and scrolls it into view. The panel may
 * appear a moment later (a tab switch, a lazy chart), so it is looked for on each frame for a while.
 */
export function useTourHighlight(panel: string | null): void {
  useEffect(() => {
    if (!panel) return;
    let frame = 0;
    let tries = 0;
    let marked: HTMLElement | null = null;
    const look = () => {
      const el = document.querySelector<HTMLElement>(`[data-tour-panel="${panel}"]`);
      if (el) {
        marked = el;
        el.setAttribute('data-tour-active', 'true');
        el.scrollIntoView({ block: 'start', behavior: 'instant' as ScrollBehavior });
        return;
      }
      if (tries++ < 300) frame = requestAnimationFrame(look);
    };
    frame = requestAnimationFrame(look);
    return () => {
      cancelAnimationFrame(frame);
      marked?.removeAttribute('data-tour-active');
    };
  }, [panel]);
}
