/**
 * Times adapter training in Node on the synthetic XQuAD-R-scale benchmark (11 languages, 1,190
 * questions, d = 384): the three batch strategies x 10 epochs of 100-pair batches, plus the cost
 * of one InfoNCE + AdamW step. With --eval it also prints the held-out figures per strategy.
 *
 *   npx tsx scripts/bench-train.ts [--epochs 10] [--rank 0] [--seed 1] [--eval] [--seeds 1,2,3]
 */
import { parseArgs } from 'node:util';
import { createAdamW } from '../src/core/training/adamw';
import { adapterParamCount, applyAdapter, createIdentityAdapter } from '../src/core/training/adapter';
import { evaluateEmbeddings, type EmbeddingEvalResult } from '../src/core/training/evaluate-embeddings';
import { createInfoNceLoss } from '../src/core/training/loss';
import { createRng } from '../src/core/training/rng';
import { BATCH_STRATEGIES } from '../src/core/training/samplers';
import { splitByQid } from '../src/core/training/split';
import { generateSyntheticBenchmark, selectSyntheticEvalSet } from '../src/core/training/synthetic-benchmark';
import { trainAdapter } from '../src/core/training/train';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '10' },
    rank: { type: 'string', default: '0' },
    seed: { type: 'string', default: '1' },
    seeds: { type: 'string' },
    eval: { type: 'boolean', default: false },
  },
});
const epochs = Number(values.epochs);
const rank = Number(values.rank);
const seeds = (values.seeds ?? values.seed).split(',').map(Number);

function timeSteps(dim: number, stepRank: number, batch: number, repeats: number): number {
  const rng = createRng(5);
  const x = Float64Array.from({ length: 2 * batch * dim }, () => rng.normal());
  const params = Float64Array.from(createIdentityAdapter(dim, stepRank, 1).params);
  const grad = new Float64Array(adapterParamCount({ dim, rank: stepRank }));
  const loss = createInfoNceLoss({ dim, rank: stepRank });
  const opt = createAdamW(params.length);
  const step = () => {
    loss.evaluate(params, { x, size: batch }, grad);
    opt.step(params, grad);
  };
  for (let i = 0; i < 3; i++) step();
  const start = performance.now();
  for (let i = 0; i < repeats; i++) step();
  return (performance.now() - start) / repeats;
}

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
for (const r of [0, 64, 32]) {
  console.log(`one step (B=100, d=384, ${r === 0 ? 'full' : `rank ${r}`}): ${timeSteps(384, r, 100, 20).toFixed(1)} ms`);
}

const fmt = (r: EmbeddingEvalResult) =>
  [r.mono.ap, r.cross.ap, r.multi.ap].map((v) => v.toFixed(4)).join('  ') + `  ${r.multi.maxRankDistance.toFixed(1).padStart(7)}`;

for (const seed of seeds) {
  let start = performance.now();
  const bench = generateSyntheticBenchmark({ seed });
  console.log(`\nseed ${seed}: generated ${bench.qids.length} questions x ${bench.languages.length} languages in ${((performance.now() - start) / 1000).toFixed(1)} s`);
  const split = splitByQid(bench.pairs, { testFraction: 0.1, seed });
  const testSet = selectSyntheticEvalSet(bench, split.testQids);
  const nq = testSet.queryLang.length;
  const np = testSet.passageLang.length;
  if (values.eval) {
    console.log(`held-out: ${split.testQids.length} qids, ${nq} queries, pool ${np}`);
    console.log(`${'strategy'.padEnd(14)}  mono    cross   multi   maxRankDist   train s`);
    console.log(`${'baseline'.padEnd(14)}  ${fmt(evaluateEmbeddings(testSet))}`);
  }
  let total = 0;
  for (const strategy of BATCH_STRATEGIES) {
    start = performance.now();
    const { adapter, lossCurve } = await trainAdapter({
      queryEmb: bench.queryEmb,
      passageEmb: bench.passageEmb,
      dim: bench.dim,
      pairs: split.train,
      strategy,
      epochs,
      rank,
      seed,
    });
    const seconds = (performance.now() - start) / 1000;
    total += seconds;
    if (values.eval) {
      const result = evaluateEmbeddings({
        ...testSet,
        queryEmb: applyAdapter(adapter, testSet.queryEmb, nq, bench.dim),
        passageEmb: applyAdapter(adapter, testSet.passageEmb, np, bench.dim),
      });
      console.log(`${strategy.padEnd(14)}  ${fmt(result)}   ${seconds.toFixed(1).padStart(7)}`);
    } else {
      console.log(`${strategy.padEnd(14)} ${epochs} epochs, ${lossCurve.length} steps: ${seconds.toFixed(1)} s`);
    }
  }
  console.log(`three strategies x ${epochs} epochs (${rank === 0 ? 'full 384 x 384' : `rank ${rank}`}): ${total.toFixed(1)} s`);
}
