import { describe, expect, it } from 'vitest';
import type { EvalReport } from '../evaluation/eval-report';
import { buildMetricsCsv, buildMetricsJson, buildProjectorFiles, buildQueriesCsv, escapeCsvField, formatFloat32, slugForFile } from './exports';
import { tinyReport } from './tiny-report.fixture';

function monoOnly(): EvalReport {
  const r = tinyReport();
  r.corpus = 'demo, "small"';
  r.settings = { mono: r.settings.mono };
  return r;
}

describe('buildMetricsCsv', () => {
  it('writes a macro row and one row per cell for each setting, quoting where needed', () => {
    expect(buildMetricsCsv(monoOnly())).toBe(
      [
        'corpus,retriever,setting,cell,query_lang,passage_lang,queries,skipped,map,recall_at_1,recall_at_10,mrr,ndcg_at_10,max_rank_distance',
        '"demo, ""small""",bm25,mono,macro,,,4,0,0.85,1,1,0.85,0.85,0',
        '"demo, ""small""",bm25,mono,en->en,en,en,2,0,0.9,1,1,0.9,0.9,0',
        '"demo, ""small""",bm25,mono,de->de,de,de,2,0,0.8,1,1,0.8,0.8,0',
        '',
      ].join('\n'),
    );
  });

  it('sums skipped questions into the macro row and marks the pool of every language as *', () => {
    const lines = buildMetricsCsv(tinyReport()).trim().split('\n');
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[7]).toBe('tiny,bm25,multi,macro,,,4,1,0.5,1,1,0.5,0.5,6');
    expect(lines[9]).toBe('tiny,bm25,multi,de->*,de,*,2,1,0.4,0,1,0.4,0.4,7');
  });
});

describe('escapeCsvField', () => {
  it('quotes commas, quotes and line breaks and leaves plain text alone', () => {
    expect(escapeCsvField('plain text')).toBe('plain text');
    expect(escapeCsvField('a,b')).toBe('"a,b"');
    expect(escapeCsvField('say "hi"')).toBe('"say ""hi"""');
    expect(escapeCsvField('two\nlines')).toBe('"two\nlines"');
    expect(escapeCsvField('cr\r')).toBe('"cr\r"');
    expect(escapeCsvField(Number.NaN)).toBe('');
  });

  it('neutralises cells a spreadsheet would run as formulas, and keeps numbers numbers', () => {
    expect(escapeCsvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(['+1', '-2+3', '@SUM(A1)', '\tx', '\rx'].map(escapeCsvField)).toEqual(["'+1", "'-2+3", "'@SUM(A1)", "'\tx", `"'\rx"`]);
    expect(escapeCsvField(-0.5)).toBe('-0.5');
    expect(escapeCsvField('a=b')).toBe('a=b');
  });
});

describe('buildQueriesCsv', () => {
  it('writes one row per question with ranks and top ids space-separated', () => {
    const lines = buildQueriesCsv(tinyReport())!.trim().split('\n');
    expect(lines[0]).toBe('setting,cell,query_id,qid,lang,map,recall_at_1,recall_at_10,mrr,ndcg_at_10,max_rank_distance,relevant_ranks,top');
    expect(lines[1]).toBe('multi,en->*,q1/en,q1,en,0.7,1,1,0.7,0.7,1,1 2,p1.en p1.de');
    expect(lines).toHaveLength(5);
    expect(buildQueriesCsv(monoOnly())).toBeNull();
  });
});

describe('buildMetricsJson', () => {
  it('drops per-query records and fields that are not part of a report', () => {
    const withExtra = { ...tinyReport(), pairMatrix: [[1]] } as EvalReport;
    const json = JSON.parse(buildMetricsJson(withExtra));
    expect(Object.keys(json)).toEqual(['corpus', 'retriever', 'languages', 'settings', 'languageMix', 'mixK', 'tieBreak', 'elapsedMs']);
    expect(json.settings.multi.cells[0].queries).toBeUndefined();
    expect(json.settings.multi.cells[1]).toMatchObject({ key: 'de->*', skipped: 1, metrics: { ap: 0.4 } });
  });
});

describe('buildProjectorFiles', () => {
  it('writes vectors.tsv and metadata.tsv for the Embedding Projector, escaping tabs and line breaks', () => {
    const vectors = Float32Array.from([0.1, -2, 0.5, 1e-7]);
    const files = buildProjectorFiles(vectors, 2, [
      { id: 'p1.en', lang: 'en', group: 'p1', text: 'Tabs\there,\nnew line' },
      { id: 'p1.de', lang: 'de', text: 'Back\\slash "quoted"\r' },
    ]);
    expect(files.vectors).toBe('0.1\t-2\n0.5\t1e-7\n');
    expect(files.metadata).toBe('id\tlang\tgroup\ttext\np1.en\ten\tp1\tTabs\\there,\\nnew line\np1.de\tde\t\tBack\\\\slash "quoted"\\r\n');
  });

  it('adds a kind column when items say whether they are questions or passages', () => {
    const files = buildProjectorFiles(new Float32Array(2), 1, [
      { id: 'q', lang: 'en', text: 'Q?', kind: 'query' },
      { id: 'p', lang: 'en', text: 'P.', kind: 'passage' },
    ]);
    expect(files.metadata.split('\n')[0]).toBe('id\tlang\tgroup\tkind\ttext');
    expect(files.metadata.split('\n')[1]).toBe('q\ten\t\tquery\tQ?');
  });

  it('rejects vectors that do not match the items', () => {
    expect(() => buildProjectorFiles(new Float32Array(5), 2, [{ id: 'a', lang: 'en', text: '' }])).toThrow(/5 numbers for 1 items of 2 dimensions; expected 2/);
  });
});

describe('small helpers', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(1 / 3))).toBe('0.33333334');
    expect(Math.fround(Number(formatFloat32(Math.fround(Math.PI))))).toBe(Math.fround(Math.PI));
    expect(() => formatFloat32(Infinity)).toThrow(/not a finite number/);
  });

  it('makes file-name-safe slugs', () => {
    expect(slugForFile('Demo: 48 facts in 15 languages')).toBe('demo-48-facts-in-15-languages');
    expect(slugForFile('BM25 (k1=0.9)')).toBe('bm25-k1-0-9');
    expect(slugForFile('中文')).toBe('report');
  });
});
