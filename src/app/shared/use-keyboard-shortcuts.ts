/** Keys that work anywhere outside a text field; listed in the help overlay (?). */
import { useEffect } from 'react';
import { useApp } from '../app-store';

export const SHORTCUTS: readonly { keys: string[]; what: string }[] = [
  { keys: ['j', '↓'], what: 'next result' },
  { keys: ['k', '↑'], what: 'previous result' },
  { keys: ['Home', 'End'], what: 'first / last result' },
  { keys: ['/'], what: 'type a query' },
  { keys: ['1', '2', '3'], what: 'monolingual / cross-lingual / multilingual' },
  { keys: ['r', 'e', 't'], what: 'Ranking / Evaluation / Training tab' },
  { keys: ['p'], what: 'presenter mode on / off' },
  { keys: ['?'], what: 'this help' },
  { keys: ['Esc'], what: 'close help, leave a text field' },
];

function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  return el instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'range', 'file'].includes(el.type);
}

export function useKeyboardShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const s = useApp.getState();
      if (e.key === 'Escape') {
        if (s.helpOpen) s.setHelpOpen(false);
        else if (isTextField(e.target)) (e.target as HTMLElement).blur();
        return;
      }
      if (isTextField(e.target)) return;
      if (s.helpOpen && e.key !== '?') return;
      const moveTo = (i: number) => {
        e.preventDefault();
        if (s.tab !== 'ranking') return;
        s.selectRow(i);
        document.querySelector(`[data-row="${useApp.getState().selectedRow}"]`)?.scrollIntoView({ block: 'nearest' });
      };
      switch (e.key) {
        case 'j':
        case 'ArrowDown':
          moveTo(s.selectedRow + 1);
          break;
        case 'k':
        case 'ArrowUp':
          moveTo(s.selectedRow - 1);
          break;
        case 'Home':
          moveTo(0);
          break;
        case 'End':
          moveTo(Number.MAX_SAFE_INTEGER);
          break;
        case '/':
          e.preventDefault();
          s.setTab('ranking');
          requestAnimationFrame(() => (document.getElementById('query-input') as HTMLInputElement | null)?.select());
          break;
        case '1':
          s.setSetting('mono');
          break;
        case '2':
          s.setSetting('cross');
          break;
        case '3':
          s.setSetting('multi');
          break;
        case 'r':
          s.setTab('ranking');
          break;
        case 'e':
          s.setTab('evaluation');
          break;
        case 't':
          s.setTab('training');
          break;
        case 'p':
          s.setPresenter(!s.presenter);
          break;
        case '?':
          s.setHelpOpen(!s.helpOpen);
          break;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
