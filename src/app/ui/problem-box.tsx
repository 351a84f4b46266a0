import type { ReactNode } from 'react';

/**
 * Why something could not be opened or loaded, in set-up: a title, the message (which names file,
 * line or field), optional details, what is still in use, and Dismiss. An alert, so screen readers
 * announce it.
 */
export function ProblemBox(props: { testId: string; title?: ReactNode; message: ReactNode; children?: ReactNode; kept?: ReactNode; onDismiss(): void }) {
  return (
    <div className="problem" role="alert" data-testid={props.testId}>
      {props.title !== undefined && <div className="problem-title">{props.title}</div>}
      <div className="problem-message">{props.message}</div>
      {props.children}
      <div className="problem-foot">
        <span>{props.kept}</span>
        <button type="button" className="button small" onClick={props.onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
