import type { EvalReport } from '../evaluation/eval-report';

/**
 * One report from the parts of one system scored file by file (the evaluation's
 * run.mono.trec, run.cross.trec and run.multi.trec): settings side by side, languages in order
 * of first mention. A setting may come from one part only.
 */
export function mergeReports(parts: readonly EvalReport[]): EvalReport {
  if (parts.length === 0) throw new RangeError('mergeReports: no reports');
  const [first, ...rest] = parts;
  const merged: EvalReport = { ...first, settings: { ...first.settings }, languages: [...first.languages] };
  for (const part of rest) {
    for (const [name, s] of Object.entries(part.settings)) {
      if (merged.settings[name as keyof EvalReport['settings']])
        throw new RangeError(`mergeReports: two runs of ${first.retriever} both hold the ${name} setting`);
      merged.settings[name as keyof EvalReport['settings']] = s;
    }
    for (const l of part.languages) if (!merged.languages.includes(l)) merged.languages.push(l);
    if (part.languageMix) merged.languageMix = new Map([...(merged.languageMix ?? []), ...part.languageMix]);
    merged.elapsedMs += part.elapsedMs;
  }
  // Settings in the evaluation's order, whatever order the files came in.
  const ordered: EvalReport['settings'] = {};
  for (const name of ['mono', 'cross', 'multi'] as const) if (merged.settings[name]) ordered[name] = merged.settings[name];
  merged.settings = ordered;
  return merged;
}
