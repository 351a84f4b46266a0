import type { measureAlignment } from '../../../core/analysis/alignment-stats';
import { languageLabel } from '../../../core/analysis/language-labels';
import { DataTable, type Column } from '../../ui/data-table';

type Alignment = ReturnType<typeof measureAlignment>;
type Row = Alignment['byLang'][number];

const similarity = (v: number | null) => (v === null ? '–' : v.toFixed(3));

const COLUMNS: readonly Column<Row>[] = [
  { key: 'lang', label: 'Language', rowHeader: true, cell: (r) => languageLabel(r.lang), sortValue: (r) => languageLabel(r.lang) },
  { key: 'items', label: 'Texts', numeric: true, cell: (r) => r.items, sortValue: (r) => r.items },
  {
    key: 'similarity',
    label: 'Similarity to its translations',
    numeric: true,
    cell: (r) => similarity(r.translationSimilarity),
    sortValue: (r) => r.translationSimilarity,
  },
];

/** The embedding map's table: how close each language's texts are to their translations. */
export function AlignmentTable({ alignment }: { alignment: Alignment }) {
  return (
    <DataTable
      className="an-table"
      caption={
        <>
          Mean cosine similarity of each language&apos;s texts to their translations in the other languages ({alignment.translationPairs} translation pairs;
          unrelated pairs average {alignment.unrelatedSimilarity?.toFixed(3) ?? '–'}).
        </>
      }
      columns={COLUMNS}
      rows={alignment.byLang}
      rowKey={(r) => r.lang}
      sortable
    />
  );
}
