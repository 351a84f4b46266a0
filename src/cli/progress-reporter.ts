import type { ProgressInfo } from '../core/retrieval/types';

/**
 * Progress on stderr: one line rewritten in place on a terminal, or a line every few seconds in
 * logs and CI, so output stays readable either way.
 */
export function createProgressReporter(stream: NodeJS.WriteStream = process.stderr, everyMs = 3000) {
  const tty = Boolean(stream.isTTY);
  let last = 0;
  let lastStage = '';
  return {
    update(p: ProgressInfo) {
      const now = Date.now();
      const pct = p.total ? ((100 * p.done) / p.total).toFixed(1) : '?';
      const line = `${p.stage}: ${p.done}/${p.total} (${pct}%)`;
      if (tty) {
        if (now - last > 100) stream.write(`\r\x1b[K${line}`);
      } else if (now - last > everyMs || p.stage.split(':')[0] !== lastStage) {
        stream.write(`${line}\n`);
      } else return;
      last = now;
      lastStage = p.stage.split(':')[0];
    },
    log(message: string) {
      stream.write(`${tty ? '\r\x1b[K' : ''}${message}\n`);
    },
  };
}
