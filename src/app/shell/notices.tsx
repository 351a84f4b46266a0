import { useApp } from '../app-store';

export function Notices() {
  const notices = useApp((s) => s.notices);
  const dismiss = useApp((s) => s.dismissNotice);
  if (notices.length === 0) return null;
  return (
    <div className="notices" role="status">
      {notices.map((n, i) => (
        <div className="notice" key={n}>
          <span>{n}</span>
          <button type="button" className="icon-button" onClick={() => dismiss(i)} aria-label="Dismiss">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
