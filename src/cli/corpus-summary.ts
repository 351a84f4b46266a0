import type { LoadedCorpus } from '../core/corpus/loaded-corpus';
import { escapeControl } from '../core/corpus/printable';

/**
 * The lines a command prints about a loaded corpus. Names and warnings come from the files, so
 * control characters are escaped: an ESC in a corpus name must not recolour or clear the terminal.
 */
export function corpusSummaryLines(loaded: LoadedCorpus): string[] {
  const { corpus } = loaded;
  return [
    ...loaded.warnings.map((w) => `warning: ${escapeControl(w)}`),
    escapeControl(
      `${corpus.name}: ${corpus.passages.length} passages, ${corpus.questions.length} questions, ${corpus.languages.length} languages (${corpus.languages.join(' ')})`,
    ),
  ];
}
