/**
 * Network failures while fetching a model's files, told apart from device failures. transformers.js
 * reports an unreachable host as a bare "Failed to fetch" and a missing file as "Could not locate
 * file"; the worker's fetch is wrapped so the failing URL and status are known, and the message
 * names the host, the file, and whether anyone answered.
 */
import type { ModelEntry } from './model-registry';
import type { ModelSource } from './worker-protocol';

export interface FetchFailure {
  url: string;
  /** HTTP status; absent when no response came at all (offline, blocked, refused). */
  status?: number;
  statusText?: string;
  /** The thrown error's message when no response came. */
  error?: string;
}

/** A model file could not be fetched: the network, not the device, is to blame. */
export class ModelFetchError extends Error {
  constructor(
    message: string,
    readonly failure: FetchFailure,
  ) {
    super(message);
    this.name = 'ModelFetchError';
  }
}

export interface FetchWatch {
  fetch: typeof fetch;
  /** Failures since the watch was made, oldest first. */
  readonly failures: readonly FetchFailure[];
}

/**
 * Wraps a fetch to record every request that got no answer or an error status. 416 is left out:
 * transformers.js asks for byte 0 of possibly empty files. An aborted request is not a failure.
 */
export function watchFetch(inner: typeof fetch): FetchWatch {
  const failures: FetchFailure[] = [];
  const watched = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let response: Response;
    try {
      response = await inner(input, init);
    } catch (e) {
      if ((e as { name?: string })?.name !== 'AbortError') failures.push({ url, error: e instanceof Error ? e.message : String(e) });
      throw e;
    }
    if (response.status >= 400 && response.status !== 416) failures.push({ url, status: response.status, statusText: response.statusText });
    return response;
  };
  return { fetch: watched as typeof fetch, failures };
}

const NETWORK_ERROR = /failed to fetch|fetch failed|networkerror|network error|load failed|ERR_[A-Z_]+|ECONNREFUSED|ENOTFOUND/i;

/**
 * The failure behind a load error, if the network is to blame: one whose URL the error names (a
 * 404 on a required file), else one that got no answer, else a bare network error with no record.
 * A 404 the loader tolerated (an optional file) is not blamed for an unrelated error.
 */
export function blameFetchFailure(error: unknown, failures: readonly FetchFailure[]): FetchFailure | undefined {
  const message = error instanceof Error ? error.message : String(error);
  const named = failures.find((f) => message.includes(f.url));
  if (named) return named;
  const unanswered = failures.find((f) => f.status === undefined);
  if (unanswered) return unanswered;
  if (NETWORK_ERROR.test(message)) return { url: '', error: message };
  return undefined;
}

/** The file inside the model folder: after /resolve/<revision>/ on the hub, else after the folder. */
export function fileOfUrl(url: string, entry: ModelEntry): string {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    path = url;
  }
  const resolved = /\/resolve\/[^/]+\/(.+)$/.exec(path);
  if (resolved) return resolved[1];
  const at = path.indexOf(`/${entry.local}/`);
  if (at >= 0) return path.slice(at + entry.local.length + 2);
  return path.split('/').pop() || url;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}

function statusWords(status: number, statusText?: string): string {
  const text =
    statusText ||
    (
      {
        401: 'Unauthorized',
        403: 'Forbidden',
        404: 'Not Found',
        429: 'Too Many Requests',
        500: 'Internal Server Error',
        502: 'Bad Gateway',
        503: 'Service Unavailable',
      } as Record<number, string>
    )[status] ||
    '';
  return `HTTP ${status}${text ? ` ${text}` : ''}`;
}

export interface FailureContext {
  entry: ModelEntry;
  source: ModelSource;
  /** navigator.onLine; false means the browser knows it is offline. */
  online?: boolean;
}

/** What went wrong and what to do, for a person. */
export function describeFetchFailure(f: FetchFailure, ctx: FailureContext): string {
  const file = f.url ? fileOfUrl(f.url, ctx.entry) : 'a model file';
  const host = (f.url && hostOf(f.url)) || (ctx.source.type === 'hub' ? 'the model host' : "the app's server");
  let what: string;
  if (f.status === undefined) {
    const why = ctx.online === false ? 'the browser is offline' : 'offline, or the host is blocked or unreachable';
    what = `${host} did not answer (${why})`;
  } else if (f.status === 404) what = `${host} answered ${statusWords(404, f.statusText)}: the file is not there`;
  else if (f.status === 401 || f.status === 403) what = `${host} refused access (${statusWords(f.status, f.statusText)}): a gated or private repository?`;
  else what = `${host} answered ${statusWords(f.status, f.statusText)}`;
  const where = f.url ? ` (${f.url})` : '';
  const id = ctx.entry.hub ?? ctx.entry.id;
  const instead =
    ctx.source.type === 'hub'
      ? `Load it from the app's /models/ folder instead (on a machine that reaches the hub: npm run models:fetch -- ${id}) or pick a folder that holds it`
      : "Check that the app's server is running and serves the models folder, or pick a folder that holds the model";
  return `${file} could not be downloaded: ${what}${where}. ${instead}`;
}
