/**
 * The DCs of the emulator: ids 1..N on loopback, each on the port its
 * listener got when the server started.
 */
import { ArgumentError } from '../../errors.js';

/** Where one DC listens. */
export interface DcAddress {
  readonly id: number;
  readonly ip: string;
  /** TCP port; 0 until the server has bound the DC's listener. */
  readonly port: number;
}

/** The loopback address every DC listens on. */
export const LOOPBACK = '127.0.0.1';

/** The address of each DC; ports are set once the listeners are up. */
export class DcTable {
  private readonly addresses: DcAddress[] = [];

  constructor(readonly count: number) {
    if (!Number.isInteger(count) || count < 1 || count > 9) throw new ArgumentError(`DC count must be 1..9, got ${count}`);
    for (let id = 1; id <= count; id++) this.addresses.push({ id, ip: LOOPBACK, port: 0 });
  }

  /** True for a DC id this backend runs. */
  has(dcId: number): boolean {
    return Number.isInteger(dcId) && dcId >= 1 && dcId <= this.count;
  }

  /** Sets where DC `dcId` listens. */
  set(dcId: number, port: number, ip = LOOPBACK): void {
    this.check(dcId);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new ArgumentError(`port must be 1..65535, got ${port}`);
    this.addresses[dcId - 1] = { id: dcId, ip, port };
  }

  /** The address of DC `dcId` (port 0 when not set yet). */
  get(dcId: number): DcAddress {
    this.check(dcId);
    return this.addresses[dcId - 1]!;
  }

  /** Every DC, in id order. */
  all(): readonly DcAddress[] {
    return this.addresses;
  }

  /** Throws a RangeError unless `dcId` is one of ours. */
  check(dcId: number): void {
    if (!this.has(dcId)) throw new ArgumentError(`DC id must be 1..${this.count}, got ${dcId}`);
  }
}
