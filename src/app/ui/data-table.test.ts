import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, sortRows, type Column } from './data-table';

interface Row {
  lang: string;
  text: string;
  map: number | null;
}

const rows: Row[] = [
  { lang: 'de', text: 'Der <b>Rhein</b> & die Alpen', map: 0.5 },
  { lang: 'en', text: 'The Rhine', map: null },
  { lang: 'zh', text: '莱茵河', map: 0.75 },
  { lang: 'ar', text: 'نهر الراين', map: 0.5 },
];

const columns: Column<Row>[] = [
  { key: 'lang', label: 'Language', rowHeader: true, cell: (r) => r.lang, sortValue: (r) => r.lang },
  { key: 'text', label: 'Passage', cell: (r) => r.text },
  {
    key: 'map',
    label: 'mAP',
    numeric: true,
    cell: (r) => (r.map === null ? '–' : r.map.toFixed(3)),
    sortValue: (r) => r.map,
    cellProps: (r) => ({ 'data-value': r.map ?? '' }),
  },
];

function render(props: Partial<Parameters<typeof DataTable<Row>>[0]> = {}): string {
  return renderToStaticMarkup(
    createElement(DataTable<Row>, { caption: 'mAP per language', columns, rows, rowKey: (r) => r.lang, className: 'an-table', ...props }),
  );
}

describe('DataTable', () => {
  it('renders a caption, column heads, a row-header column, and numbers apart from text', () => {
    const html = render({ testId: 'per-language', rowProps: (r) => ({ 'data-key': r.lang }) });
    expect(html).toContain('<table class="data-table an-table" data-testid="per-language"><caption>mAP per language</caption>');
    expect(html).toContain('<th scope="col">Language</th><th scope="col" class="dt-text">Passage</th><th scope="col" class="dt-numeric">mAP</th>');
    expect(html).toContain('<tr data-key="zh"><th scope="row">zh</th><td class="dt-text">莱茵河</td><td data-value="0.75" class="dt-numeric">0.750</td></tr>');
    expect(html).toContain('<td data-value="" class="dt-numeric">–</td>');
  });

  it('shows corpus text as text, never as markup', () => {
    const html = render();
    expect(html).toContain('Der &lt;b&gt;Rhein&lt;/b&gt; &amp; die Alpen');
    expect(html).not.toContain('<b>');
  });

  it('offers sorting only on columns with a sort value, when asked', () => {
    expect(render()).not.toContain('dt-sort');
    const html = render({ sortable: true });
    expect(html).toContain('<th scope="col"><button type="button" class="dt-sort">Language</button></th>');
    expect(html).toContain('<th scope="col" class="dt-text">Passage</th>');
  });
});

describe('sortRows', () => {
  it('sorts up and down by a column, missing values last, ties in their given order', () => {
    const langs = (sorted: readonly Row[]) => sorted.map((r) => r.lang);
    expect(langs(sortRows(rows, columns, null))).toEqual(['de', 'en', 'zh', 'ar']);
    expect(langs(sortRows(rows, columns, { key: 'map', descending: false }))).toEqual(['de', 'ar', 'zh', 'en']);
    expect(langs(sortRows(rows, columns, { key: 'map', descending: true }))).toEqual(['zh', 'de', 'ar', 'en']);
    expect(langs(sortRows(rows, columns, { key: 'lang', descending: false }))).toEqual(['ar', 'de', 'en', 'zh']);
    // A column without a sort value leaves the order alone.
    expect(langs(sortRows(rows, columns, { key: 'text', descending: false }))).toEqual(['de', 'en', 'zh', 'ar']);
  });
});
