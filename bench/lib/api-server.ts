// The real server (server/src/main.ts) as its own process on 127.0.0.1, against the benchmark's Neo4j, so
// the load generator does not share its event loop and its memory can be read by pid. Rate limiting is
// lifted (the benchmark is the only client) and request logging is off (LOG_LEVEL=warn).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { findFreePort } from '../../server/src/db/embedded.js';
import { fromRoot } from '../../server/src/paths.js';

export interface ApiServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function startApiServer(neo4jUri: string, log: (line: string) => void): Promise<ApiServer> {
  const port = await findFreePort();
  const { NEO4J_PASSWORD: _ignored, ...env } = process.env;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', fromRoot('server/src/main.ts')], {
    cwd: fromRoot('.'),
    env: { ...env, NEO4J_URI: neo4jUri, PORT: String(port), HOST: '127.0.0.1', SEED_ON_EMPTY: 'false', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (b: Buffer) => (output += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (output += b.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the API server exited (${child.exitCode}):\n${output.slice(-2000)}`);
    const ready = await fetch(`${baseUrl}/api/v1/ready`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the API server was not ready in 120 s:\n${output.slice(-2000)}`);
    }
    await sleep(250);
  }
  log(`API server pid ${child.pid} at ${baseUrl}`);
  return {
    baseUrl,
    pid: child.pid!,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await Promise.race([once(child, 'exit'), sleep(15_000).then(() => child.kill('SIGKILL'))]);
    },
  };
}
