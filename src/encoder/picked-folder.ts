/**
 * A model folder the user picks: <input type="file" webkitdirectory> (every browser) or
 * showDirectoryPicker() (File System Access, Chromium). Only the files a feature-extraction model
 * needs are read into memory; they go to the worker as a 'files' source (model-source.ts).
 */
import { describeModelFolder, findPresetFor } from './describe-model';
import { type Dtype, type ModelEntry } from './model-registry';
import { missingFiles } from './model-files';

export interface PickedFolder {
  name: string;
  /** Relative path ("onnx/model_quantized.onnx") -> bytes. */
  files: Record<string, ArrayBuffer>;
}

const WANTED = /^(config\.json|tokenizer\.json|tokenizer_config\.json|special_tokens_map\.json|onnx\/[^/]+\.onnx(_data)?)$/;

/** Whether a path inside the model folder is one the encoder reads. */
export function isModelFile(relative: string): boolean {
  return WANTED.test(relative);
}

/** From an <input webkitdirectory> FileList: paths are "<folder>/<relative>". */
export async function readPickedFileList(list: FileList | readonly File[]): Promise<PickedFolder> {
  const all = Array.from(list as ArrayLike<File>);
  if (all.length === 0) throw new Error('no files were picked; pick the model folder (the one holding config.json)');
  const paths = all.map((f) => f.webkitRelativePath || f.name);
  // The picked folder may be the model folder or hold it one level down (e.g. "models/e5-small/...").
  const configPath = paths.filter((p) => p.endsWith('config.json') && p.split('/').pop() === 'config.json').sort((a, b) => a.length - b.length)[0];
  if (!configPath) throw new Error(`the picked folder "${paths[0].split('/')[0]}" has no config.json; pick the model folder itself`);
  const root = configPath.slice(0, -'config.json'.length);
  const files: Record<string, ArrayBuffer> = {};
  await Promise.all(
    all.map(async (f, i) => {
      if (!paths[i].startsWith(root)) return;
      const relative = paths[i].slice(root.length);
      if (isModelFile(relative)) files[relative] = await f.arrayBuffer();
    }),
  );
  const name = root.replace(/\/$/, '').split('/').pop() || paths[0].split('/')[0];
  return { name, files };
}

interface DirectoryHandle {
  name: string;
  kind: 'directory';
  entries(): AsyncIterable<[string, DirectoryHandle | FileHandle]>;
}
interface FileHandle {
  name: string;
  kind: 'file';
  getFile(): Promise<File>;
}

/** From showDirectoryPicker(): walks config.json, the tokenizer files and onnx/. */
export async function readDirectoryHandle(handle: FileSystemDirectoryHandle): Promise<PickedFolder> {
  const files: Record<string, ArrayBuffer> = {};
  async function walk(dir: DirectoryHandle, prefix: string): Promise<void> {
    for await (const [name, child] of dir.entries()) {
      const relative = prefix + name;
      if (child.kind === 'directory') {
        if (relative === 'onnx') await walk(child, 'onnx/');
      } else if (isModelFile(relative)) files[relative] = await (await child.getFile()).arrayBuffer();
    }
  }
  await walk(handle as unknown as DirectoryHandle, '');
  if (!('config.json' in files)) throw new Error(`the picked folder "${handle.name}" has no config.json; pick the model folder itself`);
  return { name: handle.name, files };
}

/** A registry-shaped entry for the folder (describe-model.ts); `preset` supplies pooling and prefixes. */
export function describePickedModel(folder: PickedFolder, preset?: ModelEntry): ModelEntry {
  const sizes: Record<string, number> = {};
  for (const [path, bytes] of Object.entries(folder.files)) sizes[path] = bytes.byteLength;
  const config = folder.files['config.json'];
  if (!config) throw new Error(`the picked folder "${folder.name}" has no config.json`);
  return describeModelFolder(folder.name, new TextDecoder().decode(config), sizes, preset ?? findPresetFor(folder.name));
}

/** Files the folder lacks for a dtype ([] when it can load). */
export function missingFilesFor(folder: PickedFolder, entry: ModelEntry, dtype: Dtype): string[] {
  return missingFiles(entry, dtype, folder.files);
}
