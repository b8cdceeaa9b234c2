/**
 * Small stateful drivers over the pure handshake steps, for callers that
 * would rather feed messages in than thread states through: the network
 * layer (client) and the test server (server). Still sans-IO: bytes in,
 * bytes out.
 */

import { SecurityError } from '../../errors.js';
import { redact } from '../../redact.js';
import { idOf } from '../../tl/codec/index.js';
import { PLAIN_HEADER_LENGTH } from '../plain-message.js';
import {
  type ClientHandshakeOptions,
  type ClientStep1State,
  type ClientStep2State,
  type ClientStep3State,
  finishKeyExchange,
  startKeyExchange,
  requestDhParams,
  setClientDhParams,
} from './client.js';
import type { AuthKeyResult } from './common.js';
import {
  type ServerHandshakeOptions,
  type ServerStep1State,
  type ServerStep2State,
  type KeyExchangeVariant,
  answerReqPq,
  answerReqDhParams,
  answerSetClientDhParams,
} from './server.js';

/** What {@link ClientHandshake.receive} returns: the next request, or the finished key. */
export type ClientHandshakeOutput = { request: Uint8Array; done?: undefined } | { request?: undefined; done: AuthKeyResult };

/**
 * The client exchange as one object.
 *
 * ```ts
 * const hs = new ClientHandshake({ crypto, dcId: 2 });
 * send(hs.start());
 * for (;;) {
 *   const out = hs.receive(await nextPlainMessage());
 *   if (out.done) return out.done;
 *   send(out.request);
 * }
 * ```
 * Any `SecurityError` ends the exchange; start a new one on a new connection.
 */
export class ClientHandshake {
  private state: ClientStep1State | ClientStep2State | ClientStep3State | undefined;
  private finished = false;

  constructor(private readonly options: ClientHandshakeOptions) {
    redact(this, 'ClientHandshake'); // its state holds new_nonce and the key being made
  }

  /** The first message (req_pq_multi). Calling it again restarts the exchange. */
  start(): Uint8Array {
    const { request, state } = startKeyExchange(this.options);
    this.state = state;
    this.finished = false;
    return request;
  }

  /** Feeds one unencrypted server message. */
  receive(response: Uint8Array): ClientHandshakeOutput {
    const state = this.state;
    if (!state || this.finished) throw new SecurityError('unexpected_answer', 'no key exchange in progress');
    try {
      switch (state.step) {
        case 1: {
          const next = requestDhParams(state, response);
          this.state = next.state;
          return { request: next.request };
        }
        case 2: {
          const next = setClientDhParams(state, response);
          this.state = next.state;
          return { request: next.request };
        }
        case 3: {
          const r = finishKeyExchange(state, response);
          if (r.kind === 'retry') {
            this.state = r.state;
            return { request: r.request };
          }
          this.finished = true;
          this.state = undefined;
          const { kind: _kind, ...done } = r;
          return { done: redact(done, 'AuthKeyResult') };
        }
      }
    } catch (e) {
      this.state = undefined;
      throw e;
    }
  }
}

const REQ_PQ_MULTI = idOf('req_pq_multi')!;
const REQ_PQ = idOf('req_pq')!;

/** What {@link ServerHandshake.receive} returns: the reply, and the key once it is made. */
export interface ServerHandshakeOutput {
  response: Uint8Array;
  done?: AuthKeyResult;
  /** With `done`: the inner-data variant and RSA scheme the client used. */
  variant?: KeyExchangeVariant;
}

/**
 * The server exchange for one connection. A `req_pq_multi` at any point
 * starts over (a client may abandon an exchange and begin another).
 */
export class ServerHandshake {
  private state: ServerStep1State | ServerStep2State | undefined;

  constructor(private readonly options: ServerHandshakeOptions) {
    redact(this, 'ServerHandshake'); // its state holds new_nonce, a and the key being made
  }

  /** Feeds one unencrypted client message. */
  receive(request: Uint8Array): ServerHandshakeOutput {
    const id =
      request.length >= PLAIN_HEADER_LENGTH + 4
        ? new DataView(request.buffer, request.byteOffset + PLAIN_HEADER_LENGTH, 4).getUint32(0, true)
        : 0;
    try {
      if (id === REQ_PQ_MULTI || id === REQ_PQ || !this.state) {
        const r = answerReqPq(this.options, request);
        this.state = r.state;
        return { response: r.response };
      }
      if (this.state.step === 1) {
        const r = answerReqDhParams(this.state, request);
        this.state = r.state;
        return { response: r.response };
      }
      const r = answerSetClientDhParams(this.state, request);
      if (r.kind === 'retry') {
        this.state = r.state;
        return { response: r.response };
      }
      this.state = undefined;
      const { kind: _kind, response, variant, ...done } = r;
      return { response, done: redact(done, 'AuthKeyResult'), variant };
    } catch (e) {
      this.state = undefined;
      throw e;
    }
  }
}
