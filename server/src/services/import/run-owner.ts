// Who owns an import run, and whether that owner is still alive: a run whose owner died (a killed
// process) can be resumed by anyone; a live one cannot be run twice at once. On this host a process
// id answers; on another host only a heartbeat older than STALE_MS does.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';

const STALE_MS = 10 * 60_000;
/** Runs this process is executing now (its own dead runs — an aborted pipeline — are resumable). */
const active = new Set<string>();

export function newOwner(): string {
  return `${os.hostname()}|${process.pid}|${randomBytes(4).toString('hex')}`;
}

export function markActive(runId: string): void {
  active.add(runId);
}

export function markInactive(runId: string): void {
  active.delete(runId);
}

export function ownerAlive(owner: string, runId: string, heartbeat: string | null, now = Date.now()): boolean {
  const [host, pidText] = owner.split('|');
  const pid = Number(pidText);
  if (host !== os.hostname() || !Number.isInteger(pid)) {
    const beat = heartbeat ? Date.parse(heartbeat) : NaN;
    return Number.isFinite(beat) && now - beat < STALE_MS;
  }
  if (pid === process.pid) return active.has(runId);
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process that nobody has reaped yet still answers kill(pid, 0). That happens for real: `tsx`
 * runs the command in a child process, and killing `tsx` with SIGKILL orphans that child to an init that
 * may never reap it. Linux tells the state in /proc (Z zombie, X dead); elsewhere we cannot tell.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false;
  }
}
