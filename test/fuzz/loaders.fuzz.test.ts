// Property: every generated corpus either loads into a corpus that satisfies the invariant, or
// fails with a CorpusError that names the file; never another exception, never a hang.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/core/corpus/corpus-error';
import { findInvariantViolation } from '../../src/core/corpus/corpus-invariant';
import { loadCorpus } from '../../src/core/corpus/load-corpus';
import { createMemorySource, type PickedFile } from '../../src/core/corpus/memory-source';
import { byteDamage, fuzzParams, oddValue, toBytes, withinBudget } from './fuzz-support';

interface GeneratedFile {
  name: string;
  text: string;
  damage: { at: number; byte: number } | null;
}

function picked(files: GeneratedFile[]): PickedFile[] {
  return files.map((f) => {
    const bytes = toBytes(f.text, f.damage);
    return { name: f.name, text: async () => f.text, arrayBuffer: async () => bytes.slice().buffer };
  });
}

async function checkLoad(files: GeneratedFile[]): Promise<void> {
  const names = new Set(files.map((f) => f.name));
  if (names.size !== files.length) return; // the memory source refuses duplicate names itself
  await withinBudget(async () => {
    try {
      const { corpus } = await loadCorpus(createMemorySource(picked(files), 'fuzz'));
      expect(findInvariantViolation(corpus)).toBeNull();
    } catch (e) {
      if (!(e instanceof CorpusError)) throw e;
      expect(e.file).not.toBe('');
      expect(e.message.startsWith(e.file)).toBe(true);
    }
  });
}

const langs = fc.constantFrom('en', 'de', 'pt_BR', 'zh-Hans');
const texts = fc.oneof(fc.constantFrom('The Nile is a river.', 'Der Nil.', 'Fuji?'), fc.string({ maxLength: 20 }));

/**
 * A valid structure with, half of the time, one to three fields replaced by odd values
 * (so both loads that succeed and every kind of refusal are exercised).
 */
function mutated(base: fc.Arbitrary<Array<Record<string, unknown>>>, fields: readonly string[]): fc.Arbitrary<Array<Record<string, unknown>>> {
  const edit = fc.record({ at: fc.nat(), field: fc.constantFrom(...fields), value: oddValue, drop: fc.boolean() });
  const edits = fc.oneof({ weight: 1, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(edit, { minLength: 1, maxLength: 3 }) });
  return fc.tuple(base, edits).map(([records, list]) => {
    const out = records.map((r) => ({ ...r }));
    for (const e of list) {
      if (out.length === 0) break;
      const r = out[e.at % out.length];
      if (e.drop) delete r[e.field];
      else r[e.field] = e.value;
    }
    return out;
  });
}

/** Lines of JSON, now and then one replaced by garbage. */
function asLines(records: fc.Arbitrary<Array<Record<string, unknown>>>): fc.Arbitrary<string> {
  return fc
    .tuple(
      records,
      fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ at: fc.nat(), junk: fc.string({ maxLength: 20 }) }) }),
    )
    .map(([rs, junk]) => {
      const lines = rs.map((r) => JSON.stringify(r));
      if (junk && lines.length > 0) lines[junk.at % lines.length] = junk.junk;
      return lines.join('\n');
    });
}

const groups = fc.uniqueArray(fc.constantFrom('g1', 'g2', 'g3'), { minLength: 1, maxLength: 3 });
const langSet = fc.uniqueArray(langs, { minLength: 1, maxLength: 3 });

const jsonlBase = fc.tuple(groups, langSet, fc.boolean(), texts).map(([gs, ls, withMeta, text]) => {
  const passages = gs.flatMap((g) => ls.map((l) => ({ kind: 'passage', id: `${g}.${l}`, group: g, lang: l, text: `${text} ${g}` })));
  const questions = gs.map((g, i) => ({ kind: 'question', id: `q.${g}`, qid: `q${i}`, lang: ls[i % ls.length], text: `Where ${g}?`, answer_groups: [g] }));
  return [...(withMeta ? [{ kind: 'meta', name: 'fuzz', languages: ls }] : []), ...passages, ...questions] as Array<Record<string, unknown>>;
});
const jsonlFiles = asLines(mutated(jsonlBase, ['kind', 'id', 'qid', 'lang', 'text', 'group', 'answer_groups', 'relevant', 'languages', 'name'])).chain((text) =>
  fc.record({ name: fc.constant('c.jsonl'), text: fc.constant(text), damage: byteDamage }).map((f) => [f]),
);

const beirBase = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), langSet).map(([nd, nq, ls]) => ({
  corpus: Array.from({ length: nd }, (_, i) => ({ _id: `d${i}`, title: `T${i}`, text: `doc ${i}`, lang: ls[i % ls.length] })),
  queries: Array.from({ length: nq }, (_, i) => ({ _id: `q${i}`, text: `query ${i}?`, lang: ls[i % ls.length] })),
  qrels: Array.from({ length: nq }, (_, i) => ({ q: `q${i}`, d: `d${i % nd}`, s: '1' })),
}));
const beirFolder = beirBase.chain((b) =>
  fc.tuple(
    fc.record({
      name: fc.constantFrom('corpus.jsonl', 'corpus.de.jsonl'),
      text: asLines(mutated(fc.constant(b.corpus), ['_id', 'title', 'text', 'lang'])),
      damage: byteDamage,
    }),
    fc.record({ name: fc.constant('queries.jsonl'), text: asLines(mutated(fc.constant(b.queries), ['_id', 'text', 'lang', 'qid'])), damage: byteDamage }),
    fc.record({
      name: fc.constantFrom('qrels/test.tsv', 'qrels/dev.tsv'),
      text: fc
        .tuple(mutated(fc.constant(b.qrels), ['q', 'd', 's']), fc.boolean())
        .map(([rows, header]) =>
          [...(header ? ['query-id\tcorpus-id\tscore'] : []), ...rows.map((r) => `${String(r.q)}\t${String(r.d)}\t${String(r.s)}`)].join('\n'),
        ),
      damage: byteDamage,
    }),
  ),
);

const squadBase = fc.integer({ min: 1, max: 3 }).map((n) =>
  Array.from({ length: n }, (_, i) => ({
    context: 'Alpha one. Beta two.',
    sentences: ['Alpha one.', 'Beta two.'],
    sentence_breaks: [
      [0, 10],
      [11, 20],
    ],
    qas: [{ id: `q${i}`, question: `Which ${i}?`, answers: [{ answer_start: i % 2 === 0 ? 0 : 11, text: 'x' }] }],
  })),
);
const squadText = mutated(squadBase, ['context', 'sentences', 'sentence_breaks', 'qas']).map((paragraphs) =>
  JSON.stringify({ data: [{ title: 't', paragraphs }] }),
);
const squadFiles = fc.uniqueArray(fc.record({ name: fc.constantFrom('en.json', 'de.json', 'pt_BR.json', 'pt-BR.json'), text: squadText, damage: byteDamage }), {
  minLength: 1,
  maxLength: 3,
  selector: (f) => f.name,
});

describe('corpus loaders under generated input', () => {
  it('JSONL: 2,500 generated corpora load into a valid corpus or fail with a CorpusError naming the file', async () => {
    await fc.assert(fc.asyncProperty(jsonlFiles, checkLoad), fuzzParams(2500));
  }, 120_000);

  it('BEIR: 2,500 generated folders load into a valid corpus or fail with a CorpusError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(beirFolder, (files) => checkLoad([...files])),
      fuzzParams(2500),
    );
  }, 120_000);

  it('SQuAD-style: 2,500 generated language files load into a valid corpus or fail with a CorpusError naming the file', async () => {
    await fc.assert(fc.asyncProperty(squadFiles, checkLoad), fuzzParams(2500));
  }, 120_000);
});
