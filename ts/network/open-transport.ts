/**
 * How a `Connection` (connection.ts) opens its transport: with the
 * configured sockets, host and framing; under `transports` (`transport:
 * 'auto'`) with the candidate that won before on this DC, without a race; else
 * by racing every candidate (transport-race.ts: each must answer an
 * unencrypted req_pq_multi probe), whose winner the connection keeps for its
 * reconnects. MTProxy (`secret`) and the test DC numbering (`protocolDcId`)
 * reach the transport from here. The connection keeps the state (which
 * candidate is chosen, the transport in use); this file only opens.
 */
import { TransportError } from '../errors.js';
import type { SocketFactory } from '../transport/socket.js';
import { Transport } from '../transport/transport.js';
import type { ConnectionOptions } from './connection-types.js';
import { raceTransports } from './transport-race.js';

/** The settings of a connection that opening its transport reads. */
export type TransportSettings = Pick<
  ConnectionOptions,
  'sockets' | 'host' | 'port' | 'codec' | 'obfuscated' | 'transports' | 'crypto' | 'secret' | 'dcId' | 'protocolDcId'
>;

/** The socket factory in use: the chosen candidate's under `transports`, else the configured one. */
export function socketsInUse(o: TransportSettings, chosen: string | undefined): SocketFactory | undefined {
  return o.transports?.find((c) => c.label === chosen)?.sockets ?? o.sockets;
}

/** What {@link openConnectionTransport} needs besides the settings. */
export interface OpenTransportParams {
  /** Label of the candidate that won before (used without a race). */
  chosen: string | undefined;
  /** Aborts the attempt (the connection's deadline or close). */
  signal: AbortSignal;
  /** The connection's clock (the race staggers its candidates by it). */
  now: () => number;
  /** Told each transport as soon as it exists, before it connects, so a close meanwhile reaches it (undefined while racing). */
  onTransport(transport: Transport | undefined): void;
  /** Whether the connection was closed meanwhile. */
  isClosed(): boolean;
}

/**
 * Opens the transport of a connection. `won`: the label of the candidate that
 * won a race (undefined when no race ran). Rejects with the socket's error, or
 * `TransportError` when the connection closed while a race was running.
 */
export async function openConnectionTransport(
  o: TransportSettings,
  p: OpenTransportParams,
): Promise<{ transport: Transport; won?: string }> {
  const protocolDcId = o.protocolDcId ?? o.dcId;
  const candidates = o.transports ?? [];
  const known = candidates.find((c) => c.label === p.chosen);
  if (candidates.length === 0 || known) {
    const c = known ?? { sockets: o.sockets, host: o.host, port: o.port, codec: o.codec, obfuscated: o.obfuscated };
    const transport = new Transport({
      sockets: c.sockets,
      codec: c.codec ?? 'intermediate',
      obfuscated: c.obfuscated ?? false,
      crypto: o.crypto,
      dcId: protocolDcId,
      ...(o.secret && { secret: o.secret }),
    });
    p.onTransport(transport);
    await transport.connect(c.host, c.port, p.signal);
    return { transport };
  }
  p.onTransport(undefined);
  const won = await raceTransports(candidates, {
    crypto: o.crypto,
    protocolDcId,
    signal: p.signal,
    now: p.now,
    ...(o.secret && { secret: o.secret }),
  });
  if (p.signal.aborted || p.isClosed()) {
    won.transport.close();
    throw new TransportError('connection closed while opening');
  }
  return { transport: won.transport, won: won.candidate.label };
}
