import type { Counted, RunDiagnostics } from './import-report';

function some(c: Counted): string {
  return c.examples.length ? ` (e.g. ${c.examples.join(', ')}${c.count > c.examples.length ? ', ...' : ''})` : '';
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : word.endsWith('y') ? `${word.slice(0, -1)}ies` : `${word}s`}`;
}

/** Everything an import found, in sentences a person reads once: counts first, then a few ids. */
export function describeDiagnostics(d: RunDiagnostics, boundsNote: string): string[] {
  const notes: string[] = [];
  notes.push(
    `${d.file}: ${plural(d.entries, 'entry')} for ${plural(d.queries, 'query')}, depth ${d.depth.min === d.depth.max ? d.depth.max : `${d.depth.min} to ${d.depth.max}`}; ${d.poolReason}${d.poolLanguages.length ? ` (${d.poolLanguages.join(', ')})` : ''}`,
  );
  if (d.truncated) {
    notes.push(
      `${plural(d.truncated.queries.length, 'query')} miss ${plural(d.truncated.absentRelevant, 'relevant document')} from the run (listed per query in metrics.json): ${boundsNote}`,
    );
  } else {
    notes.push('every relevant document of every scored query is in the run: the figures are exact');
  }
  if (d.unknownDocs.count) {
    notes.push(
      `${plural(d.unknownDocs.count, 'run document')} (${plural(d.unknownDocs.entries, 'entry')}) are not in the language map${some(d.unknownDocs)}: kept in the ranking, counted as language "?" in the language mix`,
    );
  }
  if (d.unknownRelevant.count)
    notes.push(
      `${plural(d.unknownRelevant.count, 'relevant judgment')} name documents not in the language map${some(d.unknownRelevant)}: kept in the relevant sets`,
    );
  if (d.relevantOutsidePool)
    notes.push(
      `${plural(d.relevantOutsidePool, 'relevant judgment')} name documents in languages outside the query's pool: not counted, as the evaluation does`,
    );
  if (d.queriesWithoutLanguage.count)
    notes.push(`${plural(d.queriesWithoutLanguage.count, 'query')} have no language in the query map${some(d.queriesWithoutLanguage)}: not scored`);
  if (d.queriesOutsideLanguages.count)
    notes.push(`${plural(d.queriesOutsideLanguages.count, 'query')} are in languages not asked for${some(d.queriesOutsideLanguages)}: not scored`);
  if (d.queriesWithoutPool.count)
    notes.push(`${plural(d.queriesWithoutPool.count, 'query')} rank only documents of unknown language${some(d.queriesWithoutPool)}: pool unknown, not scored`);
  if (d.queriesWithoutRelevant.count)
    notes.push(
      `${plural(d.queriesWithoutRelevant.count, 'query')} have no relevant document in their pool${some(d.queriesWithoutRelevant)}: not scored (counted as skipped in their cell)`,
    );
  if (d.qrelsQueriesNotInRun.count)
    notes.push(
      `${plural(d.qrelsQueriesNotInRun.count, 'qrels query')} are not in the run${some(d.qrelsQueriesNotInRun)}: not scored (as trec_eval without -c)`,
    );
  return notes;
}

/**
 * The one caveat a truncated run's figures carry wherever they are shown, or null when they are
 * exact: "lower bounds on AP …; 3 relevant items absent from the run (2 queries)".
 */
export function boundsCaveat(d: Pick<RunDiagnostics, 'truncated'>): string | null {
  if (!d.truncated) return null;
  const { absentRelevant, queries } = d.truncated;
  return `Truncated run: the figures are lower bounds on AP, R@1, R@10, MRR and nDCG@10, and the maximum rank distance an upper bound; ${plural(absentRelevant, 'relevant item')} absent from the run (${plural(queries.length, 'query')}).`;
}
