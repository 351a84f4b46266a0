/** Long-lived helpers the store drives, created on first use (so importing the store starts no worker). */
import type { Encoder } from '../../core/retrieval/types';
import { createEncoderClient, type EncoderClient } from '../../encoder/encoder-client';
import type { EncoderNotice } from '../../encoder/worker-protocol';
import { createRankingClient, type RankingClient } from '../features/ranking/ranking-client';

let rankingClient: RankingClient | null = null;
let encoderClient: EncoderClient | null = null;
let activeEncoder: Encoder | null = null;
let noticeListener: (n: EncoderNotice) => void = () => {};

/** The encoder of the dense model in use, or null for BM25; the workers embed through it. */
export function currentEncoder(): Encoder | null {
  return activeEncoder;
}

export function setCurrentEncoder(encoder: Encoder | null): void {
  activeEncoder = encoder;
}

export function getRankingClient(): RankingClient {
  rankingClient ??= createRankingClient(currentEncoder);
  return rankingClient;
}

/** The encoder client (one model at a time, in its own worker). */
export function getEncoderClient(): EncoderClient {
  encoderClient ??= createEncoderClient({ onNotice: (n) => noticeListener(n) });
  return encoderClient;
}

/** Frees the model's memory (terminates the encoder worker). */
export function disposeEncoderClient(): void {
  encoderClient?.dispose();
  encoderClient = null;
  activeEncoder = null;
}

export function onEncoderNotice(listener: (n: EncoderNotice) => void): void {
  noticeListener = listener;
}
