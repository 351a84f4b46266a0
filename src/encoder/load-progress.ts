/**
 * One download figure from transformers.js' progress events. It reports per file ('initiate',
 * 'progress' with loaded/total bytes, 'done') and, from pipeline(), 'progress_total' with every
 * expected file; files whose size is not known yet count with the size the registry expects.
 */

export type LoadStage = 'download' | 'initialise' | 'probe';

export interface FileProgress {
  file: string;
  loaded: number;
  total: number;
  done: boolean;
}

export interface LoadProgress {
  stage: LoadStage;
  /** 0..1 over all files, by bytes. */
  fraction: number;
  loadedBytes: number;
  totalBytes: number;
  files: FileProgress[];
}

/** The fields of transformers.js progress events that matter here. */
export interface TransformersProgressEvent {
  status: string;
  file?: string;
  loaded?: number;
  total?: number;
  files?: Record<string, { loaded: number; total: number }>;
}

export interface ProgressTracker {
  /** Folds one event in; returns the new figure, or null when the event changes nothing shown. */
  update(event: TransformersProgressEvent): LoadProgress | null;
  setStage(stage: LoadStage): LoadProgress;
  snapshot(): LoadProgress;
}

/** `expectedBytes`: sizes known beforehand (registry approxMB, picked file sizes) by file name. */
export function createProgressTracker(expectedBytes: Record<string, number> = {}): ProgressTracker {
  const files = new Map<string, FileProgress>();
  let stage: LoadStage = 'download';
  const entry = (file: string): FileProgress => {
    let f = files.get(file);
    if (!f) files.set(file, (f = { file, loaded: 0, total: expectedBytes[file] ?? 0, done: false }));
    return f;
  };
  const snapshot = (): LoadProgress => {
    let loadedBytes = 0;
    let totalBytes = 0;
    const list = [...files.values()].map((f) => ({ ...f }));
    for (const f of list) {
      const total = Math.max(f.total, f.loaded);
      loadedBytes += f.done ? total : f.loaded;
      totalBytes += total;
    }
    const allDone = list.length > 0 && list.every((f) => f.done);
    const fraction = allDone ? 1 : totalBytes > 0 ? Math.min(1, loadedBytes / totalBytes) : 0;
    return { stage, fraction, loadedBytes, totalBytes, files: list };
  };
  return {
    update(event) {
      switch (event.status) {
        case 'initiate':
        case 'download':
          if (!event.file) return null;
          entry(event.file);
          break;
        case 'progress':
          if (!event.file) return null;
          {
            const f = entry(event.file);
            f.loaded = event.loaded ?? f.loaded;
            if (event.total) f.total = event.total;
          }
          break;
        case 'progress_total':
          for (const [file, p] of Object.entries(event.files ?? {})) {
            const f = entry(file);
            f.loaded = Math.max(f.loaded, p.loaded);
            if (p.total) f.total = p.total;
          }
          break;
        case 'done':
          if (!event.file) return null;
          {
            const f = entry(event.file);
            f.done = true;
            f.loaded = Math.max(f.loaded, f.total);
          }
          break;
        default:
          return null;
      }
      return snapshot();
    },
    setStage(next) {
      stage = next;
      return snapshot();
    },
    snapshot,
  };
}
