// Who may resume an import run: a live owner blocks it; a dead one — exited, or killed and left as an
// unreaped zombie (what SIGKILL on `tsx` leaves behind under an init that does not reap) — does not.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { once } from 'node:events';
import { describe, expect, it } from '@jest/globals';
import { markActive, markInactive, newOwner, ownerAlive } from '../../../server/src/services/import/run-owner.js';

const owner = (pid: number) => `${os.hostname()}|${pid}|test`;
const state = (pid: number) => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
};

describe('ownerAlive', () => {
  it('is true for a live process and false once it has exited', async () => {
    const child = spawn('sleep', ['30']);
    expect(ownerAlive(owner(child.pid!), 'run', null)).toBe(true);
    child.kill('SIGKILL');
    await once(child, 'exit');
    expect(ownerAlive(owner(child.pid!), 'run', null)).toBe(false);
  });

  it('is false for a killed process nobody has reaped (a zombie)', async () => {
    if (!existsSync('/proc/self/stat')) return; // only Linux shows the process state
    // sh starts a short sleep in the background, then becomes `sleep 30`, which never reaps it: once the
    // short one ends (after the exec, so sh cannot reap it first) it is a zombie.
    const parent = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const [chunk] = (await once(parent.stdout!, 'data')) as [Buffer];
    const zombie = Number(String(chunk).trim());
    try {
      for (let i = 0; i < 400 && state(zombie) !== 'Z'; i++) await new Promise((r) => setTimeout(r, 25));
      expect(state(zombie)).toBe('Z');
      expect(ownerAlive(owner(zombie), 'run', null)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it("is this process's own runs only while they execute, and a heartbeat elsewhere", () => {
    const mine = newOwner();
    expect(ownerAlive(mine, 'r1', null)).toBe(false);
    markActive('r1');
    expect(ownerAlive(mine, 'r1', null)).toBe(true);
    markInactive('r1');
    const remote = 'another-host|123|x';
    expect(ownerAlive(remote, 'r1', new Date().toISOString())).toBe(true);
    expect(ownerAlive(remote, 'r1', new Date(Date.now() - 11 * 60_000).toISOString())).toBe(false);
    expect(ownerAlive(remote, 'r1', null)).toBe(false);
  });
});
