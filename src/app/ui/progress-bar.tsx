import type { ProgressInfo } from '../../core/retrieval/types';

/** A labelled progress bar; indeterminate when there is no total yet. */
export function ProgressBar({
  progress,
  label,
  onCancel,
  testId,
  hideCount = false,
}: {
  progress: ProgressInfo | null;
  label: string;
  onCancel?: () => void;
  testId?: string;
  hideCount?: boolean;
}) {
  const fraction = progress && progress.total > 0 ? Math.min(1, progress.done / progress.total) : null;
  return (
    <div className="progress" data-testid={testId} role="status">
      <div className="progress-text">
        <span>{progress?.stage ?? label}</span>
        {progress && progress.total > 0 && !hideCount && (
          <span className="progress-count">
            {progress.done.toLocaleString('en')} / {progress.total.toLocaleString('en')}
          </span>
        )}
      </div>
      <div className="progress-row">
        <progress max={1} value={fraction ?? undefined} aria-label={label} />
        {onCancel && (
          <button type="button" className="button small" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </div>
  );
}
