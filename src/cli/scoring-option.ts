/**
 * --scoring for the eval and experiment commands: 'auto' scores on onnxruntime-node when it
 * agrees with the TypeScript kernel on the first block (and falls back, saying why, when not);
 * 'typescript' uses the reference kernel alone. Rankings and metrics are the same either way.
 * The experiment's training steps and adapter application multiply on onnxruntime-node too under
 * 'auto', once each product shape agrees with the TypeScript kernel to relative 1e-5
 * (core/numeric/probed-products.ts); float32 sums there move adapted metrics in the last digits.
 */
import { typescriptProducts, type MatrixProducts } from '../core/numeric/matrix-products';
import { createProbedProducts } from '../core/numeric/probed-products';
import { createProbedBackend, type ProbedBackend } from '../core/scoring/probed-backend';
import { typescriptBackend, type ScoreBackend } from '../core/scoring/score-backend';
import { createOrtNodeBackend } from '../encoder/ort-node-backend';
import { CliError } from './cli-error';

export const SCORING_CHOICES = ['auto', 'typescript'] as const;

export interface CliScoring {
  backend: ScoreBackend;
  /** For the log: which backend scored, and why. */
  status(): string;
  /** Adapter training and application. */
  products: MatrixProducts;
  /** For the log: which backend multiplied, and why. */
  productsStatus(): string;
  release(): Promise<void>;
}

export function createCliScoring(choice: string | undefined, warn: (message: string) => void): CliScoring {
  if (choice === 'typescript') {
    const why = 'TypeScript (--scoring typescript)';
    return { backend: typescriptBackend, status: () => why, products: typescriptProducts, productsStatus: () => why, release: async () => {} };
  }
  if (choice !== undefined && choice !== 'auto') throw new CliError(`--scoring ${choice}: expected one of ${SCORING_CHOICES.join(', ')}`);
  const ort = createOrtNodeBackend();
  const probed: ProbedBackend = createProbedBackend([ort], { onNotice: (m) => warn(`warning: ${m}`) });
  const ortProducts = createOrtNodeBackend();
  const products = createProbedProducts(ortProducts, { onNotice: (m) => warn(`warning: ${m}`) });
  return {
    backend: probed,
    status: () => probed.status,
    products,
    productsStatus: () => products.status,
    release: async () => {
      await ort.release();
      await ortProducts.release();
    },
  };
}
