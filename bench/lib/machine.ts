/** The machine a benchmark ran on, stated next to every result. */
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  platform: string;
  arch: string;
  /** 1-minute load average when the run started (other work on the machine skews timings). */
  loadAvg1m: number;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    date: new Date().toISOString(),
    platform: os.platform(),
    arch: os.arch(),
    loadAvg1m: Math.round(os.loadavg()[0]! * 100) / 100,
  };
}

/** The current 1-minute load average. */
export function loadAverage(): number {
  return Math.round(os.loadavg()[0]! * 100) / 100;
}

/** True when other processes keep the CPUs busy enough to make timings noisy. */
export function machineBusy(m: MachineInfo): boolean {
  return m.loadAvg1m > m.cores * 0.5;
}

/** One line for reports: `Intel(R) Xeon(R) … · 2 cores · Node v20.20.2 · linux/x64 · 2025-… · load 0.3`. */
export function describeMachine(m: MachineInfo): string {
  return `${m.cpu} · ${m.cores} cores · Node ${m.node} · ${m.platform}/${m.arch} · ${m.date} · load avg ${m.loadAvg1m} at start`;
}
