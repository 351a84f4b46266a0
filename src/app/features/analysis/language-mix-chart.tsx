import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { LangCode } from '../../../core/corpus/types';
import { textColourOn } from '../../../core/analysis/colour-scale';
import { languageLabel } from '../../../core/analysis/language-labels';
import type { LanguageMixData } from '../../../core/analysis/language-mix-data';
import { DataTable, type Column } from '../../ui/data-table';
import { LanguageLegend } from './language-legend';

export interface LanguageMixChartProps {
  data: LanguageMixData;
  colours: ReadonlyMap<LangCode, string>;
  scale: number;
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** One stacked bar per question language: which languages fill its top k in the multilingual pool. */
export function LanguageMixChart({ data, colours, scale }: LanguageMixChartProps) {
  const font = 12 * scale;
  // Shares stay in their Map and bars read them by function: spreading them into the row would let a
  // language called "label" overwrite the axis label.
  const rows = data.rows.map((r) => ({ label: languageLabel(r.queryLang), shares: r.shares }));
  const longest = Math.max(...rows.map((r) => r.label.length), 4);
  const barSize = Math.round(22 * scale);
  const height = rows.length * (barSize + 8 * scale) + 60 * scale;
  return (
    <div>
      <BarChart
        layout="vertical"
        data={rows}
        responsive
        style={{ width: '100%', height }}
        margin={{ top: 4, right: 16 * scale, bottom: 20 * scale, left: 4 }}
        barCategoryGap={6 * scale}
      >
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis
          type="number"
          domain={[0, 1]}
          ticks={[0, 0.25, 0.5, 0.75, 1]}
          tickFormatter={percent}
          tick={{ fontSize: font }}
          label={{ value: `Share of the top ${data.k}`, position: 'insideBottom', offset: -12 * scale, fontSize: font }}
        />
        <YAxis type="category" dataKey="label" width={longest * font * 0.6 + 10} tick={{ fontSize: font }} />
        <Tooltip formatter={(v) => percent(Number(v))} />
        {data.langs.map((l) => (
          <Bar
            key={l}
            dataKey={(row: (typeof rows)[number]) => row.shares.get(l) ?? 0}
            name={languageLabel(l)}
            stackId="mix"
            fill={colours.get(l)}
            isAnimationActive={false}
            barSize={barSize}
          >
            <LabelList
              dataKey={(row: (typeof rows)[number]) => row.shares.get(l) ?? 0}
              content={(p) => {
                const { x, y, width, height: h } = p as { x: number; y: number; width: number; height: number };
                if (!(width > font * 1.8)) return null;
                return (
                  <text
                    x={x + width / 2}
                    y={y + h / 2}
                    textAnchor="middle"
                    dominantBaseline="central"
                    fontSize={font * 0.9}
                    fill={textColourOn(colours.get(l)!)}
                  >
                    {l}
                  </text>
                );
              }}
            />
          </Bar>
        ))}
      </BarChart>
      <LanguageLegend langs={data.langs} colours={colours} />
    </div>
  );
}

export function LanguageMixTable({ data }: { data: LanguageMixData }) {
  const columns: Column<LanguageMixData['rows'][number]>[] = [
    { key: 'lang', label: 'Question language', rowHeader: true, cell: (r) => languageLabel(r.queryLang) },
    { key: 'own', label: 'Own language', numeric: true, cell: (r) => percent(r.ownShare) },
    ...data.langs.map((l): Column<LanguageMixData['rows'][number]> => ({
      key: l,
      label: l,
      title: languageLabel(l),
      numeric: true,
      cell: (r) => `${((r.shares.get(l) ?? 0) * 100).toFixed(1)}%`,
      cellProps: (r) => (l === r.queryLang ? { className: 'an-diagonal' } : {}),
    })),
  ];
  return (
    <DataTable
      className="an-table"
      caption={
        <>
          Share of each passage language among the top {data.k} passages, per question language (multilingual pool). An unbiased retriever gives each language
          about {percent(data.fairShare)}.
        </>
      }
      columns={columns}
      rows={data.rows}
      rowKey={(r) => r.queryLang}
    />
  );
}
