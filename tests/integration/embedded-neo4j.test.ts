// The embedded Neo4j every integration test runs on: the version and edition we pinned in
// neo4j/pom.xml, and a password that really locks the door when one is configured.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { findFreePort, startEmbeddedNeo4j, type EmbeddedNeo4j } from '../../server/src/db/embedded.js';

const options = { disableLosslessIntegers: true, connectionTimeout: 5_000 };

function portIsOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function returnOne(driver: Driver): Promise<unknown> {
  const { records } = await driver.executeQuery('RETURN 1 AS one');
  return records[0]?.get('one');
}

describe('the shared test database (NEO4J_URI from the global setup)', () => {
  let driver: Driver;

  beforeAll(() => {
    const uri = process.env['NEO4J_URI'];
    if (!uri) throw new Error('NEO4J_URI is not set: the jest global setup did not start Neo4j (OE_SKIP_DB=1?)');
    expect(uri).toMatch(/^bolt:\/\/127\.0\.0\.1:\d+$/);
    driver = neo4j.driver(uri, undefined, options); // auth is off on the loopback-only test server
  });
  afterAll(() => driver?.close());

  // Explicit timeouts: the project-level testTimeout in jest.config.js does not reach tests (jest
  // reports its 5 s default), and a query can take seconds on a loaded 2-core machine.
  it('answers a query', async () => {
    expect(await returnOne(driver)).toBe(1);
  }, 30_000);

  it('is Neo4j Community 5.26.x', async () => {
    const { records } = await driver.executeQuery('CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition');
    expect(records).toHaveLength(1);
    expect(records[0]?.get('name')).toBe('Neo4j Kernel');
    expect(records[0]?.get('versions')).toEqual([expect.stringMatching(/^5\.26\.\d+$/)]);
    expect(records[0]?.get('edition')).toBe('community');
  }, 30_000);
});

describe('an embedded Neo4j started with a password', () => {
  const password = 'embedded-test-secret';
  let db: EmbeddedNeo4j | undefined;
  let dataDir: string;
  const drivers: Driver[] = [];
  const connect = (auth?: ReturnType<typeof neo4j.auth.basic>): Driver => {
    if (!db) throw new Error('the password-protected server did not start');
    const driver = neo4j.driver(db.uri, auth, options);
    drivers.push(driver);
    return driver;
  };

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'oe-neo4j-auth-'));
    // Small on purpose: it runs beside the shared server on the same 2 cores.
    db = await startEmbeddedNeo4j({ port: await findFreePort(), dataDir, heap: '512m', pageCache: '64m', password });
  }, 120_000);

  afterAll(async () => {
    await Promise.all(drivers.map((d) => d.close()));
    await db?.stop(); // a no-op when the test below already stopped it
    await rm(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('refuses a driver without the password and with a wrong one', async () => {
    expect(db?.reused).toBe(false);
    await expect(returnOne(connect())).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await expect(returnOne(connect(neo4j.auth.basic('neo4j', 'not-the-password')))).rejects.toMatchObject({
      code: 'Neo.ClientError.Security.Unauthorized',
    });
  }, 30_000);

  it('accepts the password, then stops and frees its port', async () => {
    const running = db as EmbeddedNeo4j;
    expect(await returnOne(connect(neo4j.auth.basic('neo4j', password)))).toBe(1);
    expect(existsSync(path.join(dataDir, 'embedded.pid'))).toBe(true);

    await running.stop();
    expect(await portIsOpen(running.port)).toBe(false);
    // The launcher deletes its pid file only after a clean shutdown.
    expect(existsSync(path.join(dataDir, 'embedded.pid'))).toBe(false);
  }, 60_000);
});
