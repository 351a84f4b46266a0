/**
 * The dense encoder in Node: transformers.js' node build on onnxruntime-node (device cpu), running
 * the same embedding code as the browser worker (src/encoder/pipeline-embedder.ts). Models load
 * from disk only: a registry id resolves to public/models/<local>/, anything else is a folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { env, pipeline } from '@huggingface/transformers';
import type { Encoder, RunOptions, TextKind } from '../core/retrieval/types';
import { checkLoadedPipeline, type LoadedPipeline } from './checked-extractor';
import { describeModelFolder, findPresetFor } from './describe-model';
import { encoderIdOf, findModel, MODEL_REGISTRY, ONNX_FILE, type Dtype, type ModelEntry } from './model-registry';
import { externalDataOption, requiredFilesFor } from './model-files';
import { embedTexts, measureLengths, type EmbedTextsOptions, type Extractor, type LengthMeasure } from './pipeline-embedder';
import type { BatchLimits } from './length-buckets';
import { ModelError } from './model-error';
import { ModelOutputError } from './validate-model-output';

/** public/models/ of this project. */
export const PUBLIC_MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../public/models');

export interface NodeModel {
  entry: ModelEntry;
  folder: string;
}

export interface NodeEncoder extends Encoder {
  readonly entry: ModelEntry;
  readonly dtype: Dtype;
  readonly folder: string;
  /** embed() with explicit batching choices (scripts/bench-embed.ts compares them). */
  embedWith(texts: readonly string[], kind: TextKind, opts: EmbedTextsOptions): Promise<Float32Array>;
  /** Token counts with the model's tokenizer, special tokens included. */
  countTokens(texts: readonly string[]): Int32Array;
  dispose(): Promise<void>;
}

export interface NodeEncoderOptions {
  dtype?: Dtype;
  limits?: BatchLimits;
  lengths?: LengthMeasure;
  /** onnxruntime-node intra-op threads; default: its own (all cores). */
  threads?: number;
  /**
   * Load entry.hub from a server with the hub's URL layout (<host><id>/resolve/main/<file>)
   * through transformers.js' remote loading, caching files in cacheDir, instead of from
   * model.folder: a hub mirror, or the tests' local hub.
   */
  remote?: { host: string; cacheDir: string };
}

function listFiles(root: string, prefix = ''): Record<string, number> {
  const out: Record<string, number> = {};
  for (const e of readdirSync(path.join(root, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, listFiles(root, rel));
    else out[rel] = statSync(path.join(root, rel)).size;
  }
  return out;
}

/** A registry id (public/models/<local>/ must hold it) or a model folder on disk. */
export function resolveNodeModel(spec: string, modelsDir = PUBLIC_MODELS_DIR): NodeModel {
  const entry = findModel(spec);
  if (entry) {
    const folder = path.join(modelsDir, entry.local);
    if (!existsSync(path.join(folder, 'config.json'))) {
      const how = entry.hub
        ? `vendor it first on a machine that can reach huggingface.co: npm run models:fetch -- ${entry.id} --dtype q8`
        : entry.kind === 'bench'
          ? 'generate it: npx tsx scripts/fixture-model/generate.ts --bench'
          : 'regenerate it: npx tsx scripts/fixture-model/generate.ts';
      throw new ModelError(`model ${entry.id} is not available offline: ${folder}/config.json is missing; ${how} (or give a model folder instead of an id)`);
    }
    return { entry, folder };
  }
  const folder = path.resolve(spec);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ModelError(`--retriever ${spec}: not bm25, not a registry model id (${MODEL_REGISTRY.map((m) => m.id).join(', ')}), and not a model folder`);
  }
  const configPath = path.join(folder, 'config.json');
  if (!existsSync(configPath))
    throw new ModelError(
      `--retriever ${spec}: ${configPath} is missing; a model folder holds config.json, tokenizer.json, tokenizer_config.json and onnx/*.onnx`,
    );
  const files = listFiles(folder);
  return { entry: describeModelFolder(folder, readFileSync(configPath, 'utf8'), files, findPresetFor(folder)), folder };
}

/** q8 when the folder has it (what the browser runs on WASM), else fp32, else fp16. */
export function pickNodeDtype(model: NodeModel, wanted?: Dtype): Dtype {
  const fileOf = (d: Dtype) => path.join(model.folder, model.entry.dtypes[d]?.file ?? ONNX_FILE[d]);
  const has = (d: Dtype) => existsSync(fileOf(d));
  if (wanted) {
    if (!has(wanted)) throw new ModelError(`--dtype ${wanted}: ${fileOf(wanted)} is missing`);
    return wanted;
  }
  const found = (['q8', 'fp32', 'fp16'] as const).find(has);
  if (!found) throw new ModelError(`${model.folder}: no onnx/model.onnx, onnx/model_quantized.onnx or onnx/model_fp16.onnx`);
  return found;
}

export async function createNodeEncoder(model: NodeModel, opts: NodeEncoderOptions = {}): Promise<NodeEncoder> {
  const remote = opts.remote;
  const dtype = remote ? (opts.dtype ?? 'q8') : pickNodeDtype(model, opts.dtype);
  if (remote && !model.entry.hub) throw new ModelError(`${model.entry.label} has no hub id to load from ${remote.host}`);
  for (const f of remote ? [] : requiredFilesFor(model.entry, dtype)) {
    if (!existsSync(path.join(model.folder, f))) throw new ModelError(`${model.folder}: ${f} is missing (needed for dtype ${dtype})`);
  }
  // Never reach for the hub from Node unless a host is named: models are vendored into folders first.
  env.allowRemoteModels = Boolean(remote);
  env.allowLocalModels = !remote;
  env.useFSCache = Boolean(remote);
  if (remote) {
    env.remoteHost = remote.host.endsWith('/') ? remote.host : `${remote.host}/`;
    env.cacheDir = remote.cacheDir;
  }
  const where = remote ? `${model.entry.hub} at ${remote.host}` : model.folder;
  // An absolute path is not a hub id, so transformers.js reads <folder>/<file> as it is.
  const pipe = (await pipeline('feature-extraction', remote ? model.entry.hub! : model.folder, {
    dtype,
    device: 'cpu',
    use_external_data_format: externalDataOption(model.entry, dtype),
    session_options: opts.threads ? { intraOpNumThreads: opts.threads } : undefined,
  }).catch((e: unknown) => {
    // transformers.js says "Could not locate file" for an HTTP 404 (utils/hub/constants.js).
    const missing = remote && e instanceof Error && /Could not locate file: "?([^"\s]+)"?/.exec(e.message);
    throw missing ? new ModelError(`${where}: ${missing[1]} was not found (HTTP 404): the repo has no file for dtype ${dtype}`) : e;
  })) as unknown as LoadedPipeline;
  // One probe text: the outputs must be what the entry promises (no fill-mask logits, right size).
  let extractor: Extractor;
  try {
    extractor = await checkLoadedPipeline(pipe, model.entry);
  } catch (e) {
    await pipe.dispose?.();
    throw e instanceof ModelOutputError ? new ModelError(`${where}: ${e.message}`) : e;
  }
  const probe = await embedTexts(extractor, model.entry, ['.'], 'passage');
  const dim = probe.dim;
  if (dim !== model.entry.dimensions)
    throw new ModelError(`${model.folder}: the model gives ${dim}-dimensional rows but the registry says ${model.entry.dimensions}`);
  return {
    id: encoderIdOf(model.entry, dtype),
    dim,
    entry: model.entry,
    dtype,
    folder: model.folder,
    async embed(texts: readonly string[], kind: TextKind, runOpts?: RunOptions): Promise<Float32Array> {
      const stage = kind === 'query' ? 'embedding queries' : 'embedding passages';
      runOpts?.onProgress?.({ stage, done: 0, total: texts.length });
      const { rows } = await embedTexts(extractor, model.entry, texts, kind, {
        limits: opts.limits,
        lengths: opts.lengths,
        signal: runOpts?.signal,
        onBatch: (done, total) => runOpts?.onProgress?.({ stage, done, total }),
      });
      return rows.length ? rows : new Float32Array(0);
    },
    embedWith: async (texts, kind, embedOpts) => (await embedTexts(extractor, model.entry, texts, kind, embedOpts)).rows,
    countTokens: (texts) => Int32Array.from(measureLengths(extractor, texts, 'tokens')),
    dispose: async () => {
      await extractor.dispose?.();
    },
  };
}
