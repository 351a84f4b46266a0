import { describe, expect, it } from 'vitest';
import { DocTable } from './doc-table';
import { fastNumber } from './line-feed';
import { parseRanxQrels, parseRanxRun } from './ranx-json';
import { createTrecQrelsParser } from './trec-qrels';
import { createTrecRunParser } from './trec-run';

function parseRun(text: string, chunk = 7) {
  const docs = new DocTable();
  const parser = createTrecRunParser('a.trec', docs);
  for (let i = 0; i < text.length; i += chunk) parser.push(text.slice(i, i + chunk));
  const run = parser.end();
  const entries = (qid: string) => {
    const q = run.queries.find((x) => x.qid === qid)!;
    return Array.from(q.docs.subarray(0, q.count), (d, i) => `${docs.ids[d]}:${q.scores[i]}`);
  };
  return { run, entries };
}

describe('TREC run files', () => {
  it('reads any spacing and line ending, in chunks cut anywhere, and keeps a query whose lines are apart', () => {
    const text = 'q1 Q0 d1 1 2.5 tag\r\nq1\tQ0\td2\t2\t-1e-3\ttag\n\nq2 Q0 d1 1 7 tag\nq1  Q0  d3  3  -inf  tag';
    for (const chunk of [1, 3, 7, 1000]) {
      const { run, entries } = parseRun(text, chunk);
      expect(run.entries).toBe(4);
      expect(run.tag).toBe('tag');
      expect(run.queries.map((q) => q.qid)).toEqual(['q1', 'q2']);
      expect(entries('q1')).toEqual(['d1:2.5', 'd2:-0.001', 'd3:-Infinity']);
      expect(entries('q2')).toEqual(['d1:7']);
    }
  });

  it('names the file and line of a malformed line', () => {
    expect(() => parseRun('q1 Q0 d1 1 2.5 tag\nq1 Q0 d2 2 2.5\n')).toThrow('a.trec:2: expected 6 fields "qid Q0 docid rank score tag", got 5 fields');
    expect(() => parseRun('q1 Q0 d1 1 2.5 tag\nq1 Q0 d2 2 high tag\n')).toThrow('a.trec:2: score "high" is not a number');
    expect(() => parseRun('q1 Q0 d1 first 2.5 tag\n')).toThrow('a.trec:1: rank "first" is not a whole number');
    expect(() => parseRun('q1 Q0 d1 1 2 t\nq2 Q0 d1 1 2 t\nq1 Q0 d1 2 1 t\n')).toThrow('a.trec:3: document d1 is listed twice for query q1');
    expect(() => parseRun('\n\n')).toThrow('a.trec: no run lines');
  });

  it('holds ids to the corpus invariant: a control character in a docid or qid is named by file and line', () => {
    expect(() => parseRun('q1 Q0 d1 1 2.5 t\nq1 Q0 d\u00012 2 2 t\n')).toThrow(
      'a.trec:2: docid contains white space or a control character ("d\\u{1}2"); ids hold no white space or control characters',
    );
    expect(() => parseRun('q\u200b1 Q0 d1 1 2.5 t\n')).toThrow('a.trec:1: qid contains white space or a control character');
    const qrels = createTrecQrelsParser('q.txt', new DocTable());
    expect(() => qrels.push('q1 0 d1 1\nq1 0 d\u00072 1\n')).toThrow('q.txt:2: docid contains white space or a control character');
    expect(() => parseRanxRun('r.json', '{"q1": {"doc 1": 0.5}}', new DocTable())).toThrow(
      'r.json: "q1" -> "doc 1": docid contains a space ("doc 1"); ids hold no white space or control characters',
    );
  });

  it('reads scores to the same double as Number() does', () => {
    for (const s of ['12.3456789', '-0.5', '1.5e-05', '3E+2', '0.000123456789', '-4.2e1', '7', '.5', '123456789012345']) {
      expect(fastNumber(s, 0, s.length)).toBe(Number(s));
    }
    for (const s of ['1.2x', '--1', 'e5', '1e', '1234567890123456789']) expect(fastNumber(s, 0, s.length)).toBeUndefined();
  });
});

describe('TREC qrels and ranx JSON', () => {
  it('keeps relevance > 0 as relevant and names bad lines', () => {
    const docs = new DocTable();
    const p = createTrecQrelsParser('q.txt', docs);
    p.push('q1 0 d1 1\nq1 0 d2 0\nq1 0 d3 2\nq2 0 d1 -1\n');
    const qrels = p.end();
    expect(qrels.judgments).toBe(4);
    expect(qrels.queries.get('q1')!.relevant.map((d) => docs.ids[d])).toEqual(['d1', 'd3']);
    expect(qrels.queries.get('q2')!.relevant).toEqual([]);
    const bad = createTrecQrelsParser('q.txt', new DocTable());
    expect(() => bad.push('q1 0 d1 1\nq1 0 d2 yes\n')).toThrow('q.txt:2: relevance "yes" is not a whole number');
    const twice = createTrecQrelsParser('q.txt', new DocTable());
    expect(() => twice.push('q1 0 d1 1\nq1 0 d1 0\n')).toThrow('q.txt:2: document d1 is judged twice for query q1');
  });

  it('reads {qid: {docid: score}} and refuses what is not', () => {
    const docs = new DocTable();
    const run = parseRanxRun('r.json', '{"q1": {"d1": 0.5, "d2": 1}, "q2": {"d3": 2}}', docs);
    expect(run.entries).toBe(3);
    expect(run.format).toBe('ranx-json');
    expect(run.queries.map((q) => [q.qid, q.count])).toEqual([
      ['q1', 2],
      ['q2', 1],
    ]);
    expect(() => parseRanxRun('r.json', '{"q1": {"d1": "high"}}', docs)).toThrow('r.json: "q1" -> "d1": score "high" is not a number');
    expect(() => parseRanxRun('r.json', '{"q1": [1]}', docs)).toThrow('r.json: "q1": expected an object {docid: number}');
    expect(() => parseRanxRun('r.json', '{\n"q1": {"d1": 1,}\n}', docs)).toThrow(/^r\.json:2: invalid JSON/);
    const qrels = parseRanxQrels('q.json', '{"q1": {"d1": 1, "d2": 0}}', docs);
    expect(qrels.queries.get('q1')!.relevant.map((d) => docs.ids[d])).toEqual(['d1']);
  });
});
