/**
 * The site's Content-Security-Policy, built in one place for the built page (a meta tag), the dev
 * and preview servers (a response header on every file, so workers get it too: a worker's policy
 * comes from its own script's response, not from the page) and README's hosting section.
 *
 * connect-src lists what the app itself fetches: this origin, the Hugging Face hub and the hosts it
 * redirects model files to, and the host of the corpus presets. A corpus URL a user types on
 * another host is refused by the browser; the app says so (corpusUrlAllowed) and the user can
 * pick the downloaded files instead, or the site's host can add that origin to connect-src. We
 * chose this over `connect-src https:` because a script injected despite the policy could then
 * send anything it reads to any server.
 */
// With its extension: vite.config.ts loads this file, and Vite's native config loader needs one.
import { RAW_GITHUB_HOST } from '../corpus/lareqa-sources.ts';

/**
 * transformers.js fetches https://huggingface.co/<repo>/resolve/<rev>/<file>; the hub answers
 * large files with a redirect to its CDN (cdn-lfs.huggingface.co, cdn-lfs-us-1.hf.co) or its Xet
 * storage (cas-bridge.xethub.hf.co), and every hop of a redirect must be allowed. A CSP wildcard
 * covers subdomains at any depth.
 */
export const MODEL_HOSTS: readonly string[] = ['https://huggingface.co', 'https://*.huggingface.co', 'https://*.hf.co'];

/** Where the remote corpus presets (XQuAD-R, MLQA-R from LAReQA's repository) are fetched from. */
export const CORPUS_PRESET_HOSTS: readonly string[] = [RAW_GITHUB_HOST];

export interface PolicyOptions {
  /**
   * 'header' (a response header) or 'meta' (the built page's <meta http-equiv>). frame-ancestors
   * is ignored in a meta tag (and Chromium logs an error for it), so only the header carries it.
   */
  delivery: 'header' | 'meta';
  /**
   * Development server only: Vite injects inline scripts (React Fast Refresh's preamble) and
   * <style> elements; `html.cspNonce` stamps them with this nonce, which the policy then allows.
   * The built site has no inline script or style and needs none.
   */
  nonce?: string;
}

export function policyDirectives(opts: PolicyOptions): [string, ...string[]][] {
  const nonce = opts.nonce ? [`'nonce-${opts.nonce}'`] : [];
  const directives: [string, ...string[]][] = [
    ['default-src', "'self'"],
    // 'wasm-unsafe-eval' lets onnxruntime-web compile its WebAssembly; it allows no JS eval.
    ['script-src', "'self'", "'wasm-unsafe-eval'", ...nonce],
    ['style-src', "'self'", ...nonce],
    // data: for the page's empty favicon (href="data:,"), blob: for the chart PNG export, which
    // draws the chart's SVG through a blob: image onto a canvas.
    ['img-src', "'self'", 'data:', 'blob:'],
    ['connect-src', "'self'", ...MODEL_HOSTS, ...CORPUS_PRESET_HOSTS],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
  ];
  if (opts.delivery === 'header') directives.push(['frame-ancestors', "'none'"]);
  return directives;
}

export function contentSecurityPolicy(opts: PolicyOptions): string {
  return policyDirectives(opts)
    .map((d) => d.join(' '))
    .join('; ');
}

/** Whether a host-source like "https://*.hf.co" matches a URL (scheme, host, any port of the scheme's default). */
function hostSourceMatches(source: string, url: URL): boolean {
  const m = /^(https?):\/\/(\*\.)?([^/:]+)$/.exec(source);
  if (!m || `${m[1]}:` !== url.protocol || url.port !== '') return false;
  return m[2] ? url.hostname.endsWith(`.${m[3]}`) : url.hostname === m[3];
}

/**
 * Whether the policy's connect-src lets the page at `pageOrigin` fetch `url`: the page's own
 * origin or one of the listed hosts. The app asks before fetching a user-typed corpus URL, so the
 * message can name the policy instead of a bare "Failed to fetch".
 */
export function corpusUrlAllowed(url: string, pageOrigin: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, pageOrigin);
  } catch {
    return false;
  }
  if (parsed.origin === new URL(pageOrigin).origin) return true;
  return [...MODEL_HOSTS, ...CORPUS_PRESET_HOSTS].some((s) => hostSourceMatches(s, parsed));
}
