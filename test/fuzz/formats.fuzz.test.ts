// Property tests for the other inputs a user or a link controls: .xlad files, the URL state, and
// eval's command line. Each either gives a sound value or a typed one-line error; never a crash.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/cli-error';
import { parseEvalArgs } from '../../src/cli/eval-command';
import { isLangCode } from '../../src/core/corpus/language-code';
import { corpusUrlProblem } from '../../src/core/corpus/url-source';
import { deserializeAdapter, serializeAdapter } from '../../src/core/training/adapter-file';
import { decodeViewState, encodeViewState, MAX_TOP_K } from '../../src/core/view-state/view-state';
import { fuzzParams, oddValue, trickyString, withinBudget } from './fuzz-support';

const CONTROL = /[\p{Cc}]/u;

/** A valid adapter file, then some bytes overwritten, the header rewritten, or the file cut. */
const adapterBytes = fc
  .tuple(
    fc.integer({ min: 1, max: 4 }),
    fc.constantFrom(0, 1),
    fc.array(fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }), { maxLength: 4 }),
    fc.option(fc.record({ key: fc.constantFrom('dim', 'rank', 'paramCount', 'meta', 'version', 'format'), value: oddValue }), { freq: 2 }),
    fc.option(fc.nat(), { freq: 4 }),
  )
  .map(([dim, rank, flips, headerEdit, cut]) => {
    const r = Math.min(rank, dim);
    const params = new Float32Array(r === 0 ? dim * dim : 2 * dim * r).map((_, i) => Math.sin(i));
    let bytes = serializeAdapter({ dim, rank: r, params }, { strategy: 'hybrid' });
    if (headerEdit) {
      const length = new DataView(bytes.buffer).getUint32(4, true);
      const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, 8 + length)));
      header[headerEdit.key] = headerEdit.value;
      const json = new TextEncoder().encode(JSON.stringify(header) ?? '');
      const rebuilt = new Uint8Array(8 + json.length + (bytes.length - 8 - length));
      rebuilt.set(bytes.subarray(0, 4));
      new DataView(rebuilt.buffer).setUint32(4, json.length, true);
      rebuilt.set(json, 8);
      rebuilt.set(bytes.subarray(8 + length), 8 + json.length);
      bytes = rebuilt;
    }
    for (const f of flips) bytes[f.at % bytes.length] = f.byte;
    return cut === null ? bytes : bytes.subarray(0, cut % (bytes.length + 1));
  });

const queryParam = fc.tuple(
  fc.constantFrom('url', 'format', 'corpus', 'picked', 'retriever', 'q', 'question', 'setting', 'target', 'langs', 'k', 'tab', 'present', 'strategy', 'vs'),
  fc.oneof(
    trickyString,
    fc.string({ maxLength: 30 }),
    fc.constantFrom('data:text/plain,x', 'https://example.org/c/', 'de,pt_BR,__proto__', '0', '201', 'mono', 'hybrid'),
  ),
);

const argToken = fc.oneof(
  fc.constantFrom('--data', '--out', '--depth', '--tag', '--settings', '--langs', '--retriever', '--dtype', '--force', '--help', '-h', '--colour', '--'),
  fc.constantFrom('-1', '0', '10', '1e3', 'my run', 'mono,mono', 'mono,cross', 'en,de', 'x', '/tmp/out', ''),
  trickyString,
  fc.string({ maxLength: 8 }),
);

describe('other inputs under generated values', () => {
  it('.xlad: 1,500 damaged adapter files read as finite weights of the declared shape, or a RangeError naming the file', async () => {
    await fc.assert(
      fc.asyncProperty(adapterBytes, (bytes) =>
        withinBudget(async () => {
          try {
            const { adapter, header } = deserializeAdapter(bytes, {}, 'fuzz.xlad');
            expect(adapter.params.every(Number.isFinite)).toBe(true);
            expect(adapter.params.length).toBe(header.paramCount);
            expect(typeof header.meta === 'object' && header.meta !== null && !Array.isArray(header.meta)).toBe(true);
          } catch (e) {
            if (!(e instanceof RangeError)) throw e;
            expect(e.message.startsWith('fuzz.xlad')).toBe(true);
          }
        }),
      ),
      fuzzParams(1500),
    );
  }, 120_000);

  it('URL state: 2,000 generated links give a sound view (http(s) or relative corpus URL, language codes, k in range) and short notices', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(queryParam, { maxLength: 6 }), (params) =>
        withinBudget(async () => {
          const search = new URLSearchParams(params).toString();
          const { state, ignored } = decodeViewState(search);
          if (state.corpus.kind === 'url') expect(corpusUrlProblem(state.corpus.url)).toBeNull();
          if (state.target !== null) expect(isLangCode(state.target)).toBe(true);
          for (const l of state.languages ?? []) expect(isLangCode(l)).toBe(true);
          expect(Number.isInteger(state.topK) && state.topK >= 1 && state.topK <= MAX_TOP_K).toBe(true);
          for (const note of ignored) {
            expect(note.length).toBeLessThan(200);
            expect(CONTROL.test(note)).toBe(false);
          }
          // What the page writes back into the address bar reads back as the same view (a benchmark
          // question's link carries its id, not the text, so the text is left out of the comparison).
          const back = decodeViewState(encodeViewState(state)).state;
          expect(state.question ? { ...back, query: state.query } : back).toEqual(state);
        }),
      ),
      fuzzParams(2000),
    );
  }, 120_000);

  it("eval's command line: 1,500 generated argument lists parse into checked options or a one-line CliError", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(argToken, { maxLength: 8 }), (argv) =>
        withinBudget(async () => {
          try {
            const options = parseEvalArgs(argv);
            if (options === null) return; // --help
            expect(options.depth >= 1 && Number.isSafeInteger(options.depth)).toBe(true);
            expect(new Set(options.settings).size).toBe(options.settings.length);
            if (options.tag !== undefined) expect(options.tag).toMatch(/^[\w.-]+$/);
          } catch (e) {
            if (!(e instanceof CliError)) throw e;
            expect(e.message).not.toContain('\n');
            expect(CONTROL.test(e.message)).toBe(false);
          }
        }),
      ),
      fuzzParams(1500),
    );
  }, 120_000);
});
