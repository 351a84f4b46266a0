import { describe, expect, it } from 'vitest';
import { buildMetricsJson } from '../analysis/exports';
import type { Corpus } from '../corpus/types';
import { createBm25Retriever } from '../retrieval/bm25';
import { evaluateCorpus } from './evaluate-corpus';
import { reportFromJson, reportToJson } from './report-json';
import { withoutQueries } from './summarise-report';

// Languages named like Object.prototype members: as plain-object keys, "__proto__" vanished and
// "constructor" read back a function (issue 12). The corpus loaders refuse such codes now, but a
// report must not depend on that.
const langs = ['__proto__', 'constructor'];
const corpus: Corpus = {
  name: 'prototype names',
  languages: langs,
  passages: langs.flatMap((l) => [
    { id: `${l}/p1`, lang: l, text: 'red apples grow here' },
    { id: `${l}/p2`, lang: l, text: 'blue whales swim there' },
  ]),
  questions: langs.flatMap((l) => [
    { id: `q1/${l}`, qid: 'q1', lang: l, text: 'red apples', relevant: langs.map((x) => `${x}/p1`) },
    { id: `q2/${l}`, qid: 'q2', lang: l, text: 'blue whales', relevant: langs.map((x) => `${x}/p2`) },
  ]),
};

describe('reports through JSON', () => {
  it('keep a language called "__proto__" or "constructor" in the language mix, from evaluation to metrics.json and back', async () => {
    const report = await evaluateCorpus(corpus, createBm25Retriever(), { keepQueries: false });
    expect([...report.languageMix!.keys()]).toEqual(langs);

    // As the app's download writes it, and as the CLI writes it.
    for (const text of [buildMetricsJson(report), JSON.stringify(reportToJson(withoutQueries(report)))]) {
      const json = JSON.parse(text);
      expect(Object.keys(json.languageMix)).toEqual(langs);
      expect(Object.keys(json.languageMix.constructor).sort()).toEqual(langs);
      const back = reportFromJson(json, 'metrics.json');
      expect(back.languageMix).toEqual(report.languageMix);
      expect(back.languageMix!.get('constructor')!.get('__proto__')).toBe(report.languageMix!.get('constructor')!.get('__proto__'));
    }
  });

  it('writes the mix as an object keyed by language in the place metrics.json always had it', () => {
    const report = {
      corpus: 'c',
      retriever: 'r',
      languages: ['en', 'de'],
      settings: {},
      languageMix: new Map([
        [
          'en',
          new Map([
            ['en', 0.75],
            ['de', 0.25],
          ]),
        ],
      ]),
      mixK: 10,
      tieBreak: 't',
      elapsedMs: 1,
    };
    expect(JSON.stringify(reportToJson(report))).toBe(
      '{"corpus":"c","retriever":"r","languages":["en","de"],"settings":{},"languageMix":{"en":{"en":0.75,"de":0.25}},"mixK":10,"tieBreak":"t","elapsedMs":1}',
    );
    // A Map left in would have been written as {} without a word.
    expect(JSON.stringify(report.languageMix)).toBe('{}');
  });

  it('names the field when a file is not a report', () => {
    expect(() => reportFromJson([], 'run/metrics.json')).toThrow('run/metrics.json: expected a report object');
    const ok = { corpus: 'c', retriever: 'r', tieBreak: 't', mixK: 10, elapsedMs: 1, languages: ['en'], settings: {} };
    expect(() => reportFromJson({ ...ok, mixK: '10' }, 'run/metrics.json')).toThrow('run/metrics.json: mixK is "10", expected a number');
    expect(() => reportFromJson({ ...ok, languages: 'en' }, 'm.json')).toThrow('m.json: languages is "en", expected a list of language codes');
    expect(() => reportFromJson({ ...ok, languageMix: { en: [] } }, 'm.json')).toThrow(
      'm.json: languageMix.en: expected an object keyed by language, got an array',
    );
    expect(reportFromJson(ok, 'm.json').languageMix).toBeUndefined();
  });
});
