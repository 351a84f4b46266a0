/**
 * Which picked files make one embeddings file: a .parquet alone, or a .npy with its id list (a
 * .txt, one id per line in row order). Pure, so the set-up panel and the worker agree.
 */
export type EmbeddingsPick = { kind: 'parquet'; file: number } | { kind: 'npy'; npy: number; ids: number } | { problem: string };

const ext = (name: string) => /\.[^.]*$/.exec(name.toLowerCase())?.[0] ?? '';

export function pickEmbeddingsFiles(names: readonly string[]): EmbeddingsPick {
  const parquet = names.flatMap((n, i) => (ext(n) === '.parquet' ? [i] : []));
  const npy = names.flatMap((n, i) => (ext(n) === '.npy' ? [i] : []));
  const ids = names.flatMap((n, i) => (ext(n) === '.txt' ? [i] : []));
  const others = names.filter((n) => !['.parquet', '.npy', '.txt'].includes(ext(n)));
  if (others.length)
    return { problem: `${others.join(', ')}: expected a .parquet file (id + list<float32> vector column), or a .npy file with its ids (.txt)` };
  if (parquet.length + npy.length !== 1)
    return { problem: `pick one embeddings file at a time (picked ${names.join(', ')}): a .parquet file, or a .npy file with its ids (.txt)` };
  if (parquet.length)
    return ids.length ? { problem: `${names[parquet[0]]} carries its ids in its 'id' column; pick it alone` } : { kind: 'parquet', file: parquet[0] };
  const npyName = names[npy[0]];
  if (ids.length !== 1)
    return {
      problem: `${npyName} needs its ids: pick it together with its id list, one id per line in row order (${npyName.replace(/\.npy$/i, '')}.ids.txt)${ids.length > 1 ? `, and only one (picked ${ids.map((i) => names[i]).join(', ')})` : ''}`,
    };
  return { kind: 'npy', npy: npy[0], ids: ids[0] };
}

/** Names for saved files: "<corpus>-<model>" made safe for a file name. */
export function embeddingsFileStem(corpusName: string, encoderLabel: string): string {
  const safe = (s: string) => s.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `${safe(corpusName) || 'corpus'}-${safe(encoderLabel) || 'embeddings'}`;
}
