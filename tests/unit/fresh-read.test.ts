// FreshRead shares reads among concurrent callers but never answers a caller with a read that began
// before it asked (the exposure cache's stamp check relies on this for read-your-writes).
import { describe, expect, it } from '@jest/globals';
import { FreshRead } from '../../server/src/db/fresh-read.js';

/** A read whose completion the test controls; each read returns its own sequence number. */
function controlledReads() {
  const pending: (() => void)[] = [];
  let started = 0;
  const reader = new FreshRead(() => {
    const n = ++started;
    return new Promise<number>((resolve) => pending.push(() => resolve(n)));
  });
  const finishNext = async () => {
    pending.shift()!();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { reader, pending, started: () => started, finishNext };
}

describe('FreshRead', () => {
  it('starts a read for a caller when none is in flight', async () => {
    const { reader, started, finishNext } = controlledReads();
    const a = reader.get();
    expect(started()).toBe(1);
    await finishNext();
    await expect(a).resolves.toBe(1);
  });

  it('makes callers that arrive during a read wait for the next one, which they all share', async () => {
    const { reader, started, finishNext } = controlledReads();
    const first = reader.get();
    const during = [reader.get(), reader.get(), reader.get()];
    expect(started()).toBe(1); // nobody shares the read that began before them
    await finishNext();
    await expect(first).resolves.toBe(1);
    expect(started()).toBe(2); // one read for all three waiters
    await finishNext();
    for (const p of during) await expect(p).resolves.toBe(2);
  });

  it('never hands a caller a read started before it asked, however calls interleave', async () => {
    const { reader, started, pending, finishNext } = controlledReads();
    const asked: { startedBefore: number; result: Promise<number> }[] = [];
    for (let round = 0; round < 20; round++) {
      for (let k = 0; k < (round % 3) + 1; k++) asked.push({ startedBefore: started(), result: reader.get() });
      if (pending.length > 0 && round % 2 === 0) await finishNext();
    }
    while (pending.length > 0) await finishNext();
    for (const a of asked) expect(await a.result).toBeGreaterThan(a.startedBefore);
    expect(started()).toBeLessThan(asked.length); // and reads were shared
  });

  it('passes a failed read to everyone sharing it, and the next caller reads again', async () => {
    let calls = 0;
    const reader = new FreshRead(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database unavailable');
      return calls;
    });
    await expect(reader.get()).rejects.toThrow('database unavailable');
    await expect(reader.get()).resolves.toBe(2);
  });
});
