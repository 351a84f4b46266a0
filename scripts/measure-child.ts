/**
 * Runs `node <args>` in `cwd` and measures it from outside: wall seconds, CPU seconds (user +
 * system ticks) and peak resident memory (VmHWM), polled from /proc every 100 ms. Shared by the
 * benchmark scripts that time a command as users run it (bench-analyze, bench-scale).
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';

export interface ChildMeasure {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  /** The child's standard output ('' unless `keepStdout`). */
  stdout: string;
}

export function measureChild(args: string[], cwd: string, opts: { keepStdout?: boolean } = {}): Promise<ChildMeasure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', opts.keepStdout ? 'pipe' : 'ignore', 'inherit'] });
    let peakKb = 0;
    let cpuTicks = 0;
    let stdout = '';
    child.stdout?.on('data', (d) => (stdout += d));
    const poll = setInterval(async () => {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8').catch(() => '');
      const hwm = /VmHWM:\s+(\d+)/.exec(status);
      if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      const stat = (await readFile(`/proc/${child.pid}/stat`, 'utf8').catch(() => '')).split(') ')[1]?.split(' ');
      if (stat) cpuTicks = Math.max(cpuTicks, Number(stat[11]) + Number(stat[12]));
    }, 100);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearInterval(poll);
      if (code !== 0) reject(new Error(`${args.join(' ')} exited with ${code}`));
      else resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds: cpuTicks / 100, peakMb: peakKb / 1024, stdout });
    });
  });
}
