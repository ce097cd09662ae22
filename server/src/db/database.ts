// The only module that owns the neo4j driver: sessions, transactions, timeouts, value conversion and
// error mapping. Callers name a query file and pass parameters; they get plain records back and only
// ever see errors from ../errors.ts (the neo4j/graphql Executor pattern).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.js';
import { toPlain } from './convert.js';
import { mapDriverError } from './map-error.js';

export type Row = Record<string, unknown>;

export interface DatabaseOptions {
  uri: string;
  user: string;
  password?: string | undefined;
  database?: string | undefined;
  queryTimeoutMs: number;
}

export class Database {
  private readonly driver: Driver;
  /**
   * Shared by every session of this process, so each transaction starts after the last one committed here:
   * on a cluster, a read routed to a follower waits until that follower has applied this process's latest
   * write (read-your-writes, e.g. the exposure refresh reading the listing just written). One server: no-op.
   */
  private readonly bookmarks = neo4j.bookmarkManager();

  constructor(private readonly opts: DatabaseOptions) {
    const auth = opts.password ? neo4j.auth.basic(opts.user, opts.password) : undefined;
    this.driver = neo4j.driver(opts.uri, auth, {
      disableLosslessIntegers: true,
      // Fail fast when the server is gone: a 503 in seconds beats a request that hangs for a minute.
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 3_000,
      maxTransactionRetryTime: 2_000,
      maxConnectionPoolSize: 50,
    });
  }

  /** Run a named read query in a read transaction (routed to followers on a cluster). */
  async read(name: string, params: Row = {}, timeoutMs = this.opts.queryTimeoutMs): Promise<Row[]> {
    return this.run('READ', name, params, timeoutMs);
  }

  /** Run a named write query in one write transaction: it is applied fully or not at all. */
  async write(name: string, params: Row = {}, timeoutMs = this.opts.queryTimeoutMs * 4): Promise<Row[]> {
    return this.run('WRITE', name, params, timeoutMs);
  }

  /** Several named writes in one transaction, for changes that must land together. */
  async writeAll(steps: { name: string; params: Row }[], timeoutMs = this.opts.queryTimeoutMs * 4): Promise<Row[][]> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(
        async (tx) => {
          const out: Row[][] = [];
          for (const step of steps) out.push(await runIn(tx, cypher(step.name), step.params));
          return out;
        },
        { timeout: timeoutMs },
      );
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  /** A raw statement, for schema DDL only (schema files are split into statements by the caller). */
  async ddl(statement: string): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(statement);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }

  async ping(): Promise<void> {
    try {
      await this.driver.getServerInfo({ database: this.opts.database });
    } catch (err) {
      throw mapDriverError(err);
    }
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  private session(mode: 'READ' | 'WRITE') {
    return this.driver.session({
      database: this.opts.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  private async run(mode: 'READ' | 'WRITE', name: string, params: Row, timeoutMs: number): Promise<Row[]> {
    const text = cypher(name);
    const session = this.session(mode);
    try {
      const work = (tx: ManagedTransaction) => runIn(tx, text, params);
      const config = { timeout: timeoutMs, metadata: { query: name } };
      return mode === 'READ' ? await session.executeRead(work, config) : await session.executeWrite(work, config);
    } catch (err) {
      throw mapDriverError(err);
    } finally {
      await session.close();
    }
  }
}

async function runIn(tx: ManagedTransaction, text: string, params: Row): Promise<Row[]> {
  const result = await tx.run(text, params);
  return result.records.map((r) => toPlain(r.toObject()) as Row);
}
