/**
 * --scoring for the eval and experiment commands: 'auto' scores on onnxruntime-node when it
 * agrees with the TypeScript kernel on the first block (and falls back, saying why, when not);
 * 'typescript' uses the reference kernel alone. Rankings and metrics are the same either way.
 */
import { createProbedBackend, type ProbedBackend } from '../core/scoring/probed-backend';
import { typescriptBackend, type ScoreBackend } from '../core/scoring/score-backend';
import { createOrtNodeBackend } from '../encoder/ort-node-backend';
import { CliError } from './cli-error';

export const SCORING_CHOICES = ['auto', 'typescript'] as const;

export interface CliScoring {
  backend: ScoreBackend;
  /** For the log: which backend scored, and why. */
  status(): string;
  release(): Promise<void>;
}

export function createCliScoring(choice: string | undefined, warn: (message: string) => void): CliScoring {
  if (choice === 'typescript') return { backend: typescriptBackend, status: () => 'TypeScript (--scoring typescript)', release: async () => {} };
  if (choice !== undefined && choice !== 'auto') throw new CliError(`--scoring ${choice}: expected one of ${SCORING_CHOICES.join(', ')}`);
  const ort = createOrtNodeBackend();
  const probed: ProbedBackend = createProbedBackend([ort], { onNotice: (m) => warn(`warning: ${m}`) });
  return { backend: probed, status: () => probed.status, release: () => ort.release() };
}
