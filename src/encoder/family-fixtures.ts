/**
 * Which generated conformance fixture proves which registry entry (docs/encoder.md has the
 * table). A fixture reproduces its export family's interface (config, inputs, outputs, tokenizer,
 * file names); `fixtureStandIn` gives a registry entry's loading facts (pooling, prefixes, dtype
 * files, external data) the fixture's shape, so tests load the entry's exact code path offline.
 * Fixtures live in public/models/<id>/ (scripts/fixture-model/family-fixtures.ts writes them).
 */
import { MODEL_REGISTRY, ONNX_FILE, type Dtype, type ModelEntry } from './model-registry';

export interface FamilyFixtureInfo {
  /** Folder under public/models/, served at /models/<id>/. */
  id: string;
  family: string;
  /** The dtypes the fixture has files for (fp32 in external data where noted). */
  dtypes: readonly Dtype[];
  externalDataFp32?: boolean;
  /** Hidden size and vocabulary of the generated model. */
  dimensions: number;
  vocab: number;
  /** What loading it must do: embed, or be refused by the load-time output check. */
  expect: 'loads' | 'refused';
}

export const FAMILY_FIXTURE_INFO: readonly FamilyFixtureInfo[] = [
  {
    id: 'fixture/xlmr-tiny',
    family: 'XLM-R feature-extraction (XLMRobertaModel)',
    dtypes: ['fp32', 'fp16', 'q8'],
    dimensions: 64,
    vocab: 1659,
    expect: 'loads',
  },
  {
    id: 'fixture/minilm-xlmr-vocab',
    family: 'BertModel with the XLM-R vocabulary (MiniLM)',
    dtypes: ['fp32', 'fp16', 'q8'],
    dimensions: 64,
    vocab: 1659,
    expect: 'loads',
  },
  {
    id: 'fixture/labse-bert-pooler',
    family: 'cased WordPiece BertModel with pooler_output (LaBSE)',
    dtypes: ['fp32', 'fp16', 'q8'],
    dimensions: 64,
    vocab: 2101,
    expect: 'loads',
  },
  {
    id: 'fixture/xlmr-external-data',
    family: 'XLMRobertaModel, fp32 in external data, and a q4f16 file (MatMulNBits)',
    dtypes: ['fp32', 'fp16', 'q8', 'q4f16'],
    externalDataFp32: true,
    dimensions: 64,
    vocab: 1659,
    expect: 'loads',
  },
  {
    id: 'fixture/gte-new',
    family: "custom 'new' architecture (GTE multilingual)",
    dtypes: ['fp32', 'fp16', 'q8'],
    dimensions: 64,
    vocab: 1659,
    expect: 'loads',
  },
  { id: 'fixture/xlmr-fill-mask', family: 'XLMRobertaForMaskedLM (logits only)', dtypes: ['fp32', 'q8'], dimensions: 64, vocab: 1659, expect: 'refused' },
  { id: 'fixture/mbert-fill-mask', family: 'BertForMaskedLM (logits only)', dtypes: ['fp32', 'q8'], dimensions: 64, vocab: 2101, expect: 'refused' },
];

/** Registry id -> the family fixtures that prove it (the external-data one for entries with fp32 in external data). */
export const FIXTURES_FOR_ENTRY: Readonly<Record<string, readonly string[]>> = {
  'Xenova/multilingual-e5-small': ['fixture/minilm-xlmr-vocab'],
  'Xenova/paraphrase-multilingual-MiniLM-L12-v2': ['fixture/minilm-xlmr-vocab'],
  'Xenova/multilingual-e5-base': ['fixture/xlmr-tiny'],
  'Xenova/paraphrase-multilingual-mpnet-base-v2': ['fixture/xlmr-tiny'],
  'Xenova/multilingual-e5-large': ['fixture/xlmr-tiny', 'fixture/xlmr-external-data'],
  'Xenova/bge-m3': ['fixture/xlmr-tiny', 'fixture/xlmr-external-data'],
  'Snowflake/snowflake-arctic-embed-l-v2.0': ['fixture/xlmr-tiny', 'fixture/xlmr-external-data'],
  'Xenova/LaBSE': ['fixture/labse-bert-pooler'],
  'Snowflake/snowflake-arctic-embed-m-v2.0': ['fixture/gte-new'],
  'onnx-community/gte-multilingual-base': ['fixture/gte-new'],
  'fixture/xlmr-tiny': ['fixture/xlmr-tiny'],
  'Xenova/xlm-roberta-base': ['fixture/xlmr-fill-mask'],
  'Xenova/bert-base-multilingual-cased': ['fixture/mbert-fill-mask'],
};

export function findFixtureInfo(id: string): FamilyFixtureInfo | undefined {
  return FAMILY_FIXTURE_INFO.find((f) => f.id === id);
}

/**
 * The registry entry's loading facts on the fixture's files: same pooling, prefixes, kind, file
 * names and external-data layout for the dtypes both have; the fixture's shape and folder.
 */
export function fixtureStandIn(entry: ModelEntry, fixture: FamilyFixtureInfo): ModelEntry {
  const dtypes: ModelEntry['dtypes'] = {};
  for (const d of fixture.dtypes) {
    const real = entry.dtypes[d];
    if (!real) continue;
    const external = d === 'fp32' && fixture.externalDataFp32;
    if (Boolean(real.externalData?.length) !== Boolean(external)) continue; // a different file layout: another fixture proves it
    dtypes[d] = { ...real, approxMB: 1 };
  }
  return {
    ...entry,
    id: `${fixture.id}~${entry.id}`,
    label: `${entry.label} (on ${fixture.id})`,
    dimensions: fixture.dimensions,
    vocab: fixture.vocab,
    dtypes,
    hub: fixture.id,
    local: fixture.id,
  };
}

/** A plain entry for the fixture itself (mean pooling, no prefixes), e.g. for the refusal tests. */
export function fixtureEntry(fixture: FamilyFixtureInfo): ModelEntry {
  const base = MODEL_REGISTRY.find((m) => m.id === 'fixture/xlmr-tiny')!;
  const dtypes: ModelEntry['dtypes'] = {};
  for (const d of fixture.dtypes)
    dtypes[d] = {
      ...(base.dtypes[d] ?? { file: ONNX_FILE[d], approxMB: 0.34 }),
      ...(d === 'fp32' && fixture.externalDataFp32 ? { externalData: ['onnx/model.onnx_data'] } : {}),
    };
  return {
    ...base,
    id: fixture.id,
    label: fixture.id.split('/').pop()!,
    family: fixture.family,
    dimensions: fixture.dimensions,
    vocab: fixture.vocab,
    prefixes: { query: '', passage: '' },
    dtypes,
    local: fixture.id,
  };
}
