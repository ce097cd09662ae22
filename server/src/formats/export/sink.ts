// Writes text to a stream in ~64 KB chunks and waits for 'drain' when the stream is full, so a large
// export goes out as it is produced instead of being built as one string in memory.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const CHUNK = 64 * 1024;

export class TextSink {
  private buffer = '';

  constructor(private readonly out: Writable) {}

  async write(text: string): Promise<void> {
    this.buffer += text;
    if (this.buffer.length >= CHUNK) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.buffer.length === 0) return;
    const chunk = this.buffer;
    this.buffer = '';
    if (this.out.destroyed) throw new Error('export stream closed by the client');
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }

  /** Flushes what is left; the caller ends the stream. */
  async close(): Promise<void> {
    await this.flush();
  }
}

/** XML text and attribute escaping (also drops characters XML 1.0 cannot carry). */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
