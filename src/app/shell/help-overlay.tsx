import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../shared/use-keyboard-shortcuts';
import { useApp } from '../app-store';

export function HelpOverlay() {
  const close = () => useApp.getState().setHelpOpen(false);
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => dialog.current?.focus(), []);
  return (
    <div className="overlay" onClick={close}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="help-title" tabIndex={-1} ref={dialog} onClick={(e) => e.stopPropagation()}>
        <div className="dialog-head">
          <h2 id="help-title">Keyboard and reading guide</h2>
          <button type="button" className="icon-button" onClick={close} aria-label="Close help">
            ×
          </button>
        </div>
        <table className="shortcuts">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.what}>
                <td>
                  {s.keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </td>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>Settings</h3>
        <dl className="glossary">
          <dt>Monolingual</dt>
          <dd>the question against passages in its own language (X → X).</dd>
          <dt>Cross-lingual</dt>
          <dd>the question against passages in one other language (X → Y).</dd>
          <dt>Multilingual</dt>
          <dd>
            the question against the pool of every selected language at once: the hardest test, where a language-biased model ranks wrong answers in the
            question&apos;s language above right answers in other languages.
          </dd>
          <dt>Answer ladder</dt>
          <dd>
            where the answer lands in each language of the multilingual pool. The distance between the best and worst rung is the maximum rank distance. Answers
            take distinct ranks, so even a perfect ranking keeps it at the number of answers minus one (14 with one answer in each of 15 languages); lower means
            less language bias.
          </dd>
          <dt>Strategy</dt>
          <dd>
            with a dense model, after training: rank with the untrained model or with the adapter a batch strategy trained (monolingual, cross-lingual or hybrid
            batches). Side by side shows two strategies for the same query; arrows on the right ladder say how many places each language&apos;s answer climbed.
          </dd>
          <dt>Ties</dt>
          <dd>equal scores are ordered by passage id, descending, as trec_eval does, so ranks here equal the command line&apos;s.</dd>
        </dl>
      </div>
    </div>
  );
}
