// Who can reach what. The embedded Neo4j listens on loopback only (the kernel's socket table lists no
// other address for its port, and connecting to this machine's other addresses is refused); with
// NEO4J_PASSWORD configured, the server started through the real bootstrap requires it, refuses a wrong
// one, and the password is not on the JVM's command line. API keys, right or wrong, never come back in
// a response or appear in the logs. (Status codes of the guard — 401/403/429/413/CORS — are the API
// contract tests' subject.)
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import neo4j from 'neo4j-driver';
import { createApp } from '../../server/src/app.js';
import { connect, type Connected } from '../../server/src/bootstrap.js';
import { loadConfig } from '../../server/src/config.js';
import { findFreePort } from '../../server/src/db/embedded.js';
import { answerClientErrors } from '../../server/src/http/client-errors.js';
import { createLogger } from '../../server/src/logger.js';
import { canConnect, isLoopback, listeningAddresses } from '../support/listeners.js';
import { rawClient } from '../support/raw-http.js';
import { testDatabase } from '../support/server.js';

/** This machine's addresses other than loopback (none on an isolated runner: then the table check stands alone). */
function otherAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => a !== undefined && !a.internal && !a.address.startsWith('fe80:'))
    .map((a) => a.address);
}

async function expectLoopbackOnly(port: number): Promise<void> {
  const addresses = await listeningAddresses(port);
  expect(addresses.length).toBeGreaterThan(0);
  expect(addresses.filter((a) => !isLoopback(a))).toEqual([]);
  for (const address of otherAddresses()) expect([address, await canConnect(address, port)]).toEqual([address, false]);
  expect(await canConnect('127.0.0.1', port)).toBe(true);
}

describe('the embedded Neo4j', () => {
  it('of the test run listens on loopback only', async () => {
    const port = Number(new URL(process.env['NEO4J_URI']!.replace('bolt:', 'http:')).port);
    await expectLoopbackOnly(port);
  }, 30_000);

  describe('started by the bootstrap with NEO4J_PASSWORD', () => {
    const password = 'access-test-password-42';
    let connected: Connected | undefined;
    let dataDir: string;
    afterAll(async () => {
      await connected?.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    }, 60_000);

    it('requires the password, refuses a wrong one, keeps it off the command line, and listens on loopback only', async () => {
      dataDir = await mkdtemp(path.join(os.tmpdir(), 'oe-access-'));
      const port = await findFreePort();
      const config = loadConfig({ NEO4J_PASSWORD: password, NEO4J_DATA_DIR: dataDir, NEO4J_PORT: String(port), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '64m' });
      connected = await connect(config, () => {});
      await connected.db.ping(); // the app's own connection, with the configured password

      const options = { connectionTimeout: 5_000 };
      for (const auth of [undefined, neo4j.auth.basic('neo4j', 'not-the-password'), neo4j.auth.basic('neo4j', `${password} `)]) {
        const driver = neo4j.driver(connected.embedded!.uri, auth, options);
        try {
          await expect(driver.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
        } finally {
          await driver.close();
        }
      }
      const cmdline = await readFile(`/proc/${connected.embedded!.pid}/cmdline`, 'utf8');
      expect(cmdline).toContain('EmbeddedNeo4j');
      expect(cmdline).not.toContain(password);
      await expectLoopbackOnly(port);
    }, 240_000);
  });
});

describe('API keys', () => {
  it('never come back in a response or a log line, right or wrong', async () => {
    const apiKey = 'access-right-key-5b1d2c9e0a7f';
    const wrong = 'access-wrong-key-77c4e1b9d3aa';
    const lines: string[] = [];
    const logs = new PassThrough();
    logs.on('data', (chunk: Buffer) => lines.push(chunk.toString('utf8')));
    const db = testDatabase();
    const servers = [];
    try {
      for (const readKey of [false, true]) {
        const config = { ...loadConfig({ API_KEY: apiKey, READ_API_KEY_REQUIRED: String(readKey) }), RATE_LIMIT_PER_MINUTE: 100_000 };
        const server = createApp({ db, logger: createLogger('trace', logs), apiKey, config }).listen(0, '127.0.0.1');
        answerClientErrors(server);
        await once(server, 'listening');
        servers.push(server);
      }
      const responses: string[] = [];
      const base64 = (s: string) => Buffer.from(s).toString('base64');
      const auths = [`Bearer ${wrong}`, `bearer ${wrong}`, `Bearer ${wrong} ${apiKey}`, `Bearer ${apiKey}x`, `Basic ${base64(`neo4j:${apiKey}`)}`, `Bearer ${apiKey}`, wrong];
      for (const server of servers) {
        const client = rawClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, 2);
        try {
          for (const authorization of auths) {
            for (const [method, p, body] of [
              ['PUT', '/api/v1/ownerships/access-test-none', { owner: 'access-test-a', owned: 'hikvision', percent: 200 }],
              ['POST', '/api/v1/decisions', { listId: 'us-ofac-sdn' }],
              ['POST', '/api/v1/imports?format=nope', undefined],
              ['GET', '/api/v1/entities?q=hik', undefined],
            ] as const) {
              const res = await client.send({ method, path: p, headers: { authorization, 'content-type': 'application/json' }, ...(body && { body: JSON.stringify(body) }) });
              responses.push(`${res.status} ${JSON.stringify(res.headers)} ${res.text}`);
            }
          }
        } finally {
          client.close();
        }
      }
      const answered = responses;
      expect(answered.filter((r) => r.includes(apiKey) || r.includes(wrong))).toEqual([]);
      expect(answered.some((r) => r.startsWith('401 '))).toBe(true);
      expect(answered.some((r) => r.startsWith('400 '))).toBe(true); // the right key got as far as validation

      await new Promise((r) => setTimeout(r, 200)); // pino writes asynchronously
      const logged = lines.join('');
      expect(logged).toMatch(/"statusCode":401/); // the requests were logged, with their headers
      expect(logged).toMatch(/"authorization":"\[Redacted\]"/);
      expect(logged.includes(apiKey)).toBe(false);
      expect(logged.includes(wrong)).toBe(false);
    } finally {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((r) => server.close(() => r()));
      }
      await db.close();
    }
  }, 120_000);
});
