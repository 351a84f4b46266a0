import { describe, expect, it } from 'vitest';
import { openFixture, openFolder, XQUAD_R_DIR } from '../../../test/fixtures/corpus/sources';
import { CorpusError } from './corpus-error';
import { createMemorySource } from './memory-source';
import { listSquadFiles, loadSquadCorpus } from './squad-loader';
import type { Corpus, TextFile } from './types';

async function loadFixture() {
  const source = openFixture('squad');
  return loadSquadCorpus(source, (await source.list()) ?? []);
}

function question(corpus: Corpus, id: string) {
  const q = corpus.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id}`);
  return q;
}

/** A one-article SQuAD file whose paragraphs default to a clean two-sentence one. */
function squadFile(name: string, paragraphs: object[]): TextFile {
  return { name, text: JSON.stringify({ data: [{ title: 't', paragraphs }] }) };
}
const cleanParagraph = {
  context: 'One fish. Two fish.',
  sentences: ['One fish.', 'Two fish.'],
  sentence_breaks: [
    [0, 9],
    [10, 19],
  ],
  qas: [{ id: 'q', question: 'How many?', answers: [{ answer_start: 10, text: 'Two' }] }],
};
function loadFiles(files: TextFile[]) {
  return loadSquadCorpus(
    createMemorySource(files, 'test'),
    files.map((f) => f.name),
  );
}

describe('loadSquadCorpus on the hand-written fixture', () => {
  it('makes one passage per sentence per language, with shared groups and the paragraph as context', async () => {
    const { corpus } = await loadFixture();
    expect(corpus.name).toBe('squad');
    expect(corpus.languages).toEqual(['de', 'en', 'es']);
    const count = (lang: string) => corpus.passages.filter((p) => p.lang === lang).length;
    expect([count('de'), count('en'), count('es')]).toEqual([4, 5, 5]);
    const p = corpus.passages.find((x) => x.id === 'en/a0p1/s1');
    expect(p).toEqual({
      id: 'en/a0p1/s1',
      lang: 'en',
      text: 'It last erupted in 1707.',
      group: 'a0p1/s1',
      context: 'Mount Fuji is the highest mountain in Japan. It last erupted in 1707.',
    });
  });

  it('reads a file that starts with a UTF-8 BOM', async () => {
    expect((await openFixture('squad').readText('en.json')).charCodeAt(0)).toBe(0xfeff);
    const { corpus } = await loadFixture();
    expect(corpus.questions.some((q) => q.lang === 'en')).toBe(true);
  });

  it('makes every translation of the answer sentence relevant', async () => {
    const { corpus } = await loadFixture();
    const q = question(corpus, 'q-length/en');
    expect(q).toMatchObject({ qid: 'q-length', lang: 'en', text: 'How long is the Nile?' });
    expect(q.relevant).toEqual(['de/a0p0/s0', 'en/a0p0/s1', 'es/a0p0/s1']);
    expect(question(corpus, 'q-length/es').relevant).toEqual(q.relevant);
  });

  it('limits the relevant set to languages that have the question', async () => {
    const { corpus } = await loadFixture();
    expect(question(corpus, 'q-sea/en').relevant).toEqual(['de/a0p0/s1', 'en/a0p0/s2']);
    expect(corpus.questions.find((q) => q.id === 'q-sea/es')).toBeUndefined();
  });

  it('maps an answer by its start: past its sentence, or from the gap before the next one', async () => {
    const { corpus } = await loadFixture();
    expect(question(corpus, 'q-span/en').relevant).toContain('en/a0p0/s0');
    expect(question(corpus, 'q-erupt/en').relevant).toContain('en/a0p1/s1');
  });

  it('skips a question whose answer cannot be located, with a warning, and keeps the other languages', async () => {
    const { corpus, warnings } = await loadFixture();
    expect(corpus.questions.find((q) => q.id === 'q-lost/en')).toBeUndefined();
    expect(question(corpus, 'q-lost/de').relevant).toEqual(['de/a0p1/s0', 'es/a0p1/s0']);
    expect(warnings).toEqual(['en.json: data[0].paragraphs[1].qas[1] (id q-lost): answer could not be located in any sentence; question skipped']);
    expect(corpus.questions).toHaveLength(4 + 5 + 4);
  });
});

describe('loadSquadCorpus rules for uneven sentence data', () => {
  it('takes the text from the context when sentences and breaks differ in number', async () => {
    const { corpus, warnings } = await loadFiles([squadFile('en.json', [{ ...cleanParagraph, sentences: ['One fish. Two fish.'] }])]);
    expect(corpus.passages.map((p) => p.text)).toEqual(['One fish.', 'Two fish.']);
    expect(warnings[0]).toBe('en.json: data[0].paragraphs[0]: 2 sentence_breaks but 1 sentences; used the breaks and took sentence text from the context');
  });

  it('derives breaks from sentences, or sentences from breaks, when only one is given', async () => {
    const onlySentences = { ...cleanParagraph, sentence_breaks: undefined };
    const onlyBreaks = { ...cleanParagraph, sentences: undefined };
    for (const p of [onlySentences, onlyBreaks]) {
      const { corpus } = await loadFiles([squadFile('en.json', [p])]);
      expect(corpus.passages.map((x) => x.text)).toEqual(['One fish.', 'Two fish.']);
      expect(corpus.questions[0].relevant).toEqual(['en/a0p0/s1']);
    }
  });

  it('gives no groups when paragraphs are not parallel (MLQA-R) but still joins questions by id', async () => {
    const other = { ...cleanParagraph, qas: [] };
    const { corpus, warnings } = await loadFiles([squadFile('en.json', [cleanParagraph]), squadFile('de.json', [other, cleanParagraph])]);
    expect(corpus.passages.every((p) => p.group === undefined)).toBe(true);
    expect(question(corpus, 'q/en').relevant).toEqual(['de/a0p1/s1', 'en/a0p0/s1']);
    expect(warnings).toEqual(['paragraphs are not parallel across the language files (as in MLQA-R): passages carry no translation group']);
  });

  it('reads only files whose stem is a language code', () => {
    expect(listSquadFiles(['en.json', 'zh-Hans.json', 'manifest.json', 'xquad-r/de.json', 'notes.txt'])).toEqual([
      { file: 'en.json', lang: 'en' },
      { file: 'zh-Hans.json', lang: 'zh-Hans' },
    ]);
  });
});

describe('loadSquadCorpus errors', () => {
  const cases: Array<[string, TextFile[], string]> = [
    ['invalid JSON', [{ name: 'en.json', text: '{"data": [' }], 'en.json: invalid JSON ('],
    ['no data array', [{ name: 'en.json', text: '{"version": 1}' }], 'en.json: data: expected an array'],
    [
      'a break that is not a pair',
      [squadFile('en.json', [{ ...cleanParagraph, sentence_breaks: [[0, 9], [10]] }])],
      'en.json: data[0].paragraphs[0].sentence_breaks[1]: expected [start, end] numbers',
    ],
    [
      'a break past the context',
      [
        squadFile('en.json', [
          {
            ...cleanParagraph,
            sentence_breaks: [
              [0, 9],
              [10, 40],
            ],
          },
        ]),
      ],
      'en.json: data[0].paragraphs[0].sentence_breaks[1]: expected 0 <= start <= end <= context length (19), got [10, 40]',
    ],
    [
      'overlapping breaks',
      [
        squadFile('en.json', [
          {
            ...cleanParagraph,
            sentence_breaks: [
              [0, 12],
              [10, 19],
            ],
          },
        ]),
      ],
      'en.json: data[0].paragraphs[0].sentence_breaks[1]: expected breaks in order that do not overlap (previous break ends at 12)',
    ],
    [
      'no sentence boundaries',
      [squadFile('en.json', [{ context: 'x', qas: [] }])],
      'en.json: data[0].paragraphs[0]: expected "sentence_breaks" or "sentences"',
    ],
    [
      'a missing question text',
      [squadFile('en.json', [{ ...cleanParagraph, qas: [{ id: 'q', answers: [] }] }])],
      'en.json: data[0].paragraphs[0].qas[0].question: expected a string',
    ],
    [
      'a non-numeric answer_start',
      [squadFile('en.json', [{ ...cleanParagraph, qas: [{ id: 'q', question: '?', answers: [{ answer_start: '10' }] }] }])],
      'en.json: data[0].paragraphs[0].qas[0].answers[0].answer_start: expected an integer',
    ],
    [
      'a question id used twice',
      [squadFile('en.json', [cleanParagraph, cleanParagraph])],
      'en.json: data[0].paragraphs[1].qas[0]: question id "q" is also used at data[0].paragraphs[0].qas[0]',
    ],
    ['no questions at all', [squadFile('en.json', [{ ...cleanParagraph, qas: [] }])], 'en.json: no questions found'],
    ['no language files', [{ name: 'readme.md', text: '' }], 'test: no language files'],
  ];
  it.each(cases)('%s', async (_label, files, message) => {
    const error = await loadFiles(files).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CorpusError);
    expect((error as CorpusError).message.startsWith(message)).toBe(true);
  });

  it('fills the error fields', async () => {
    const error = (await loadFiles([squadFile('en.json', [{ ...cleanParagraph, sentence_breaks: [[0, 'x']] }])]).catch((e) => e)) as CorpusError;
    expect([error.file, error.where, error.expected]).toEqual(['en.json', 'data[0].paragraphs[0].sentence_breaks[0]', '[start, end] numbers']);
  });
});

describe('loadSquadCorpus on the real XQuAD-R files', () => {
  it('loads 11 languages, 1190 questions each, 11 relevant sentences per question', async () => {
    const source = openFolder(XQUAD_R_DIR);
    const { corpus, warnings } = await loadSquadCorpus(source, (await source.list()) ?? []);

    expect(warnings).toEqual([]);
    expect(corpus.name).toBe('xquad-r');
    expect(corpus.languages).toEqual(['ar', 'de', 'el', 'en', 'es', 'hi', 'ru', 'th', 'tr', 'vi', 'zh']);
    const perLang = (items: Array<{ lang: string }>) => Object.fromEntries(corpus.languages.map((l) => [l, items.filter((x) => x.lang === l).length]));
    expect(perLang(corpus.questions)).toEqual(Object.fromEntries(corpus.languages.map((l) => [l, 1190])));
    expect(perLang(corpus.passages)).toMatchObject({ en: 1180, th: 852, zh: 1196, ar: 1222, de: 1276, tr: 1167 });
    expect(corpus.questions.every((q) => q.relevant.length === 11)).toBe(true);

    const text = new Map(corpus.passages.map((p) => [p.id, p.text]));
    const panthers = question(corpus, '56beb4343aeaaa14008c925b/en');
    expect(panthers.text).toBe('How many points did the Panthers defense surrender?');
    expect(text.get(panthers.relevant.find((id) => id.startsWith('en/'))!)).toBe(
      'The Panthers defense gave up just 308 points, ranking sixth in the league, while also leading the NFL in interceptions with 24 and boasting four Pro Bowl selections.',
    );
    expect(text.get(panthers.relevant.find((id) => id.startsWith('de/'))!)).toBe(
      'Die Verteidigung der Panthers gab nur 308 Punkte ab und belegte den sechsten Platz in der Liga, während sie die NFL mit 24 Interceptions in dieser Kategorie anführte und sich mit vier Pro Bowl-Selektionen rühmen konnte.',
    );

    // The Turkish breaks of this paragraph drift by one character; the sentence text stays whole.
    const gauge = question(corpus, '570d47b8b3d812140066d62e/tr');
    expect(gauge.relevant).toContain('en/a9p3/s2');
    expect(text.get('tr/a9p3/s2')).toBe(
      'Ancak, eyaletler arası ana hatlar ve bunun yanı sıra eyaletin batısındaki bir dizi iltisak hattı 1.435 mm (4 ft 8 1⁞2 in) standart demir yoluna dönüştürülmüştür.',
    );
  });
});
