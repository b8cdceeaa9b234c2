/** The machine a benchmark ran on, stated next to every result. */
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  platform: string;
  arch: string;
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
  };
}

/** One line for reports: `Intel(R) Xeon(R) … · 2 cores · Node v20.20.2 · linux/x64 · 2025-…`. */
export function describeMachine(m: MachineInfo): string {
  return `${m.cpu} · ${m.cores} cores · Node ${m.node} · ${m.platform}/${m.arch} · ${m.date}`;
}
