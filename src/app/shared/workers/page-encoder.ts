/**
 * Worker side of "embed through the page": an Encoder whose embed() asks the page, which holds
 * the loaded model (src/encoder's client), and waits for the rows. Progress and cancellation
 * travel with each call.
 */
import type { Encoder, RunOptions, TextKind } from '../../../core/retrieval/types';
import type { EmbedCall, EmbedCancel, EmbedReply } from './worker-messages';

export interface PageEncoder {
  encoder: Encoder;
  /** Feed every EmbedReply the worker receives to this. */
  handleReply(reply: EmbedReply): void;
}

interface Pending {
  resolve: (rows: Float32Array) => void;
  reject: (e: unknown) => void;
  opts?: RunOptions;
}

export function createPageEncoder(spec: { encoderId: string; dim: number }, post: (m: EmbedCall | EmbedCancel) => void): PageEncoder {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  return {
    encoder: {
      id: spec.encoderId,
      dim: spec.dim,
      embed(texts: readonly string[], kind: TextKind, opts?: RunOptions): Promise<Float32Array> {
        opts?.signal?.throwIfAborted();
        const callId = nextId++;
        return new Promise<Float32Array>((resolve, reject) => {
          pending.set(callId, { resolve, reject, opts });
          opts?.signal?.addEventListener('abort', () => post({ type: 'embed-cancel', callId }), { once: true });
          post({ type: 'embed', callId, texts: [...texts], kind });
        });
      },
    },
    handleReply(reply) {
      const call = pending.get(reply.callId);
      if (!call) return;
      if (reply.type === 'embed-progress') {
        call.opts?.onProgress?.(reply.info);
        return;
      }
      pending.delete(reply.callId);
      if (reply.type === 'embed-result') call.resolve(reply.rows);
      else if (reply.aborted && call.opts?.signal?.aborted) call.reject(call.opts.signal.reason);
      else call.reject(new Error(reply.message));
    },
  };
}
