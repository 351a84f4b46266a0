// Shared by the fuzz suites: run counts, the per-case time budget, and tricky values.
import fc from 'fast-check';

/** Fixed seed so CI sees the same cases; FUZZ_RUNS multiplies the runs (FUZZ_RUNS=10 for a long soak). */
export const FUZZ_SEED = Number(process.env.FUZZ_SEED ?? 20261129);
const MULTIPLIER = Math.max(1, Number(process.env.FUZZ_RUNS ?? 1) || 1);

export function fuzzParams(runs: number): fc.Parameters<unknown> {
  return { seed: FUZZ_SEED, numRuns: Math.round(runs * MULTIPLIER), endOnFailure: true };
}

/** One generated case may take this long; more means a hang or something quadratic. Generous: CI machines are shared. */
export const CASE_BUDGET_MS = 2000;

/** `work` resolved within the budget, or a failure saying it hung. */
export async function withinBudget<T>(work: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const started = performance.now();
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`case took more than ${CASE_BUDGET_MS} ms`)), CASE_BUDGET_MS);
  });
  let result: T;
  try {
    result = await Promise.race([work(), hang]);
  } finally {
    clearTimeout(timer);
  }
  // A synchronous loop cannot be raced; measure it instead.
  const elapsed = performance.now() - started;
  if (elapsed > CASE_BUDGET_MS) throw new Error(`case took ${elapsed.toFixed(0)} ms (budget ${CASE_BUDGET_MS} ms)`);
  return result;
}

/** Strings that broke, or could break, a loader: empty, white space, controls, prototype keys, odd codes. */
export const trickyString = fc.constantFrom(
  '',
  ' ',
  'a b',
  'a\tb',
  'x\ny',
  '\u001b[2J',
  '\u200b',
  '__proto__',
  'constructor',
  'toString',
  'pt_BR',
  'pt-BR',
  'EN',
  'zh-Hans',
  'caf\ufffd',
  'é',
  '=1+1',
  'javascript:alert(1)',
);

/** Any JSON-ish value a field might hold instead of the expected one. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  trickyString,
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.constantFrom(2 ** 53 + 2, -1, 0, 1.5, 1e300, -0),
  fc.double(),
  fc.constant(null),
  fc.boolean(),
  fc.array(trickyString, { maxLength: 3 }),
  fc.constant({}),
);

/** Mostly a value from `usual`, sometimes an odd one. */
export function mostly<T>(usual: fc.Arbitrary<T>, weight = 6): fc.Arbitrary<T | unknown> {
  return fc.oneof({ weight, arbitrary: usual }, { weight: 1, arbitrary: oddValue });
}

/** A record with any subset of the given fields (a field left out is a case too). */
export function someFields(fields: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<Record<string, unknown>> {
  return fc.record(fields, { requiredKeys: [] });
}

/** Text as UTF-8 bytes, sometimes with one byte replaced by an invalid one (0xff) or a Latin-1 é. */
export const byteDamage = fc.oneof(
  { weight: 12, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.record({ at: fc.nat(), byte: fc.constantFrom(0xff, 0xe9, 0xc0, 0x80) }) },
);

export function toBytes(text: string, damage: { at: number; byte: number } | null): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  if (damage && bytes.length > 0) bytes[damage.at % bytes.length] = damage.byte;
  return bytes;
}
