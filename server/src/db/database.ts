// The only module that owns the neo4j driver: sessions, transactions, timeouts, value conversion and
// error mapping. Callers name a query file and pass parameters; they get plain records back and only
// ever see errors from ../errors.ts (the neo4j/graphql Executor pattern).
import neo4j, { type Driver, type ManagedTransaction } from 'neo4j-driver';
import { cypher } from './cypher.js';
import { toPlain } from './convert.js';
import { mapDriverError } from './map-error.js';

export type Row = Record<string, unknown>;

/** Receives a streamed query's rows (see Database.stream). */
export interface StreamSink<T> {
  row(values: unknown[]): void;
  done(): T;
}

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

  /**
   * A named read whose records are handed to a sink as they arrive (each row an array in RETURN order), for
   * whole-graph reads: no page queries, no sort, no row objects. `sink()` is called once per attempt, so a
   * transaction the driver retries starts from an empty sink. `fetchSize` is how many records the server
   * sends per batch (the driver's default is 1000).
   */
  async stream<T>(name: string, params: Row, sink: () => StreamSink<T>, opts: { fetchSize?: number; timeoutMs?: number } = {}): Promise<T> {
    const text = cypher(name);
    const session = this.driver.session({
      database: this.opts.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.bookmarks,
      ...(opts.fetchSize !== undefined && { fetchSize: opts.fetchSize }),
    });
    try {
      return await session.executeRead(
        (tx) =>
          new Promise<T>((resolve, reject) => {
            const s = sink();
            // subscribe, not the async iterator: one callback per record instead of a promise per record.
            tx.run(text, params).subscribe({
              onNext: (record) => s.row(record.map((v) => v)),
              onCompleted: () => resolve(s.done()),
              onError: reject,
            });
          }),
        { timeout: opts.timeoutMs ?? this.opts.queryTimeoutMs, metadata: { query: name } },
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
