/**
 * Page side of "embed through the page": answers a worker's embed calls with the loaded model,
 * transferring the rows back, and aborts a call when the worker cancels it.
 */
import type { Encoder } from '../../../core/retrieval/types';
import type { EmbedCall, EmbedCancel, EmbedReply } from './worker-messages';

export interface EmbeddingServer {
  /** Returns true when the message was an embed call or cancel (and has been handled). */
  handle(message: { type: string }): boolean;
  /** Aborts every call in flight (the worker is going away). */
  abortAll(): void;
}

export function serveEmbeddings(post: (reply: EmbedReply, transfer?: Transferable[]) => void, currentEncoder: () => Encoder | null): EmbeddingServer {
  const inFlight = new Map<number, AbortController>();

  async function embed(call: EmbedCall): Promise<void> {
    const encoder = currentEncoder();
    if (!encoder) {
      post({ type: 'embed-error', callId: call.callId, message: 'no model is loaded', aborted: false });
      return;
    }
    const controller = new AbortController();
    inFlight.set(call.callId, controller);
    try {
      const rows = await encoder.embed(call.texts, call.kind, {
        signal: controller.signal,
        onProgress: (info) => post({ type: 'embed-progress', callId: call.callId, info }),
      });
      // A copy: the encoder may keep (or view into) the rows it returned, so its buffer is not ours to move.
      const copy = rows.slice();
      post({ type: 'embed-result', callId: call.callId, rows: copy }, [copy.buffer]);
    } catch (e) {
      post({ type: 'embed-error', callId: call.callId, message: e instanceof Error ? e.message : String(e), aborted: controller.signal.aborted });
    } finally {
      inFlight.delete(call.callId);
    }
  }

  return {
    handle(message) {
      if (message.type === 'embed') {
        void embed(message as EmbedCall);
        return true;
      }
      if (message.type === 'embed-cancel') {
        inFlight.get((message as EmbedCancel).callId)?.abort(new DOMException('cancelled', 'AbortError'));
        return true;
      }
      return false;
    },
    abortAll() {
      for (const c of inFlight.values()) c.abort(new DOMException('cancelled', 'AbortError'));
      inFlight.clear();
    },
  };
}
