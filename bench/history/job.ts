/** What the history bench hands each child on stdin (one JSON object). */
export interface HistoryJob {
  /** The server's DCs (only DC 2 is used). */
  dcs: { id: number; host: string; port: number }[];
  /** The server's RSA key, hex. */
  rsa: { n: string; e: string; fingerprint: string };
  publicKeyPem: string;
  /** A registered test account to sign in as, and its login code. */
  phone: string;
  code: string;
  /** Username of the public channel that holds the messages (without @). */
  channel: string;
  /** Messages in the channel: each measured pass iterates all of them. */
  count: number;
  /** Measured passes. */
  rounds: number;
  /** Messages of the warm-up pass (not measured). */
  warmup: number;
}

/** What a child prints: one entry per measured pass. */
export interface HistoryResult {
  rounds: { ms: number; cpuMs: number; peakHeapMiB: number }[];
  /** Heap used after the last pass and a forced GC, MiB. */
  heapAfterMiB: number;
  version: string;
}
