import type { measureAlignment } from '../../../core/analysis/alignment-stats';
import { languageLabel } from '../../../core/analysis/language-labels';

/** The embedding map's table: how close each language's texts are to their translations. */
export function AlignmentTable({ alignment }: { alignment: ReturnType<typeof measureAlignment> }) {
  return (
    <table className="an-table">
      <caption>
        Mean cosine similarity of each language&apos;s texts to their translations in the other languages ({alignment.translationPairs} translation pairs;
        unrelated pairs average {alignment.unrelatedSimilarity?.toFixed(3) ?? '–'}).
      </caption>
      <thead>
        <tr>
          <th scope="col">Language</th>
          <th scope="col">Texts</th>
          <th scope="col">Similarity to its translations</th>
        </tr>
      </thead>
      <tbody>
        {alignment.byLang.map((r) => (
          <tr key={r.lang}>
            <th scope="row">{languageLabel(r.lang)}</th>
            <td>{r.items}</td>
            <td>{r.translationSimilarity === null ? '–' : r.translationSimilarity.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
