/**
 * A registry-shaped entry for a model folder that is not in the registry (picked in the browser,
 * or given to the CLI as a path): shape from its config.json, dtypes from the ONNX files present,
 * pooling and prefixes from a preset (the registry entry with the same folder name) or the
 * defaults (mean pooling, no prefixes).
 */
import { MODEL_REGISTRY, ONNX_FILE, type Dtype, type ModelEntry } from './model-registry';
import { BASELINE_PRESETS } from './models-out-of-menu';

interface ConfigShape {
  hidden_size?: number;
  d_model?: number;
  num_hidden_layers?: number;
  vocab_size?: number;
  model_type?: string;
}

/** The registry entry whose local folder or id ends with this folder name, if any. */
export function findPresetFor(folderName: string): ModelEntry | undefined {
  const name = folderName.replace(/\/+$/, '').split('/').pop()?.toLowerCase() ?? '';
  return [...MODEL_REGISTRY, ...BASELINE_PRESETS].find(
    (m) => m.local.toLowerCase().endsWith(`/${name}`) || m.local.toLowerCase() === name || m.id.toLowerCase().split('/').pop() === name,
  );
}

/**
 * `configText`: the folder's config.json; `files`: relative paths present (and their sizes in
 * bytes when known). `where` names the folder in error messages.
 */
export function describeModelFolder(where: string, configText: string, files: Record<string, number>, preset?: ModelEntry): ModelEntry {
  let config: ConfigShape;
  try {
    config = JSON.parse(configText) as ConfigShape;
  } catch (e) {
    throw new Error(`${where}/config.json: not valid JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const dim = config.hidden_size ?? config.d_model;
  if (typeof dim !== 'number') throw new Error(`${where}/config.json: no hidden_size; expected a transformer encoder's config`);
  const dtypes: ModelEntry['dtypes'] = {};
  for (const dtype of Object.keys(ONNX_FILE) as Dtype[]) {
    const file = ONNX_FILE[dtype];
    if (!(file in files)) continue;
    // External data sits beside the graph as "<graph file>_data" (the exporter's naming).
    const data = `${file}_data`;
    const bytes = files[file] + (files[data] ?? 0);
    dtypes[dtype] = { file, approxMB: Math.round((bytes / 1e6) * 100) / 100, ...(data in files ? { externalData: [data] } : {}) };
  }
  const name = where.replace(/\/+$/, '').split('/').pop() || where;
  return {
    // Never the preset's id: the folder may hold other weights, and ids key the embedding cache.
    id: `folder:${name}`,
    label: preset ? `${preset.label} (from ${name})` : name,
    family: preset?.family ?? `${config.model_type ?? 'unknown'} encoder from a local folder`,
    kind: preset?.kind ?? 'retrieval',
    dimensions: dim,
    layers: config.num_hidden_layers ?? 0,
    vocab: config.vocab_size ?? 0,
    pooling: preset?.pooling ?? 'mean',
    prefixes: preset?.prefixes ?? { query: '', passage: '' },
    dtypes,
    licence: preset?.licence ?? 'unknown (see the model card)',
    notes: preset ? preset.notes : 'Not in the registry: mean pooling and no prefixes assumed.',
    local: where,
  };
}
