// What a figure was measured on: the machine, the load other processes put on it, the versions, and the
// memory of a process by pid (Linux /proc; null elsewhere).
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Database } from '../../server/src/db/database.js';

export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  os: string;
  /** 1/5/15-minute load averages when the run started: above `cores`, other work competed for the CPU. */
  loadAverage: number[];
  /**
   * Time for a fixed single-threaded loop (3e8 additions; ~350 ms on one idle modern core). Several times
   * that means this process got a fraction of a core: every other figure is slowed down alike.
   */
  cpuProbeMs: number;
}

export function cpuProbe(): number {
  const t0 = performance.now();
  let x = 0;
  for (let i = 0; i < 3e8; i++) x += i % 7;
  if (x < 0) throw new Error('unreachable'); // keeps the loop from being optimised away
  return Math.round(performance.now() - t0);
}

export function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.cpus().length,
    ramGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    loadAverage: os.loadavg().map((l) => Math.round(l * 100) / 100),
    cpuProbeMs: cpuProbe(),
  };
}

export interface Versions {
  node: string;
  neo4j: string;
  neo4jDriver: string;
}

export async function versions(db: Database): Promise<Versions> {
  const driverPackage = JSON.parse(readFileSync(new URL('../../node_modules/neo4j-driver/package.json', import.meta.url), 'utf8')) as { version: string };
  const [row] = await db.read('bench/components');
  return { node: process.version, neo4j: `${String(row?.version)} ${String(row?.edition)}`, neo4jDriver: driverPackage.version };
}

export interface Memory {
  /** Resident set now, MB. */
  rssMB: number;
  /** Peak resident set (VmHWM), MB. */
  peakMB: number;
}

export function memoryOf(pid: number): Memory | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string): number => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rssMB: Math.round(kb('VmRSS') / 1024), peakMB: Math.round(kb('VmHWM') / 1024) };
  } catch {
    return null;
  }
}
