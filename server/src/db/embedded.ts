// Runs the embedded Neo4j (neo4j/: Neo4j Community from Maven Central plus a small Java launcher) as
// a child process, so development and tests need neither Docker nor a Neo4j install. Used by
// `npm start`, `npm run db:start` (cli/db.ts) and the jest global setup. The launcher's contract
// (one READY line on stdout, DATA_DIR/embedded.pid while up) is described in EmbeddedNeo4j.java.
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';

export interface EmbeddedNeo4jOptions {
  port?: number;
  /** Neo4j home: stores, logs and the pid file live here. Relative paths resolve against the cwd. */
  dataDir?: string;
  /** JVM heap, e.g. "2g": both -Xms and -Xmx, as Neo4j recommends, so the heap never resizes. */
  heap?: string;
  pageCache?: string;
  /** Enables auth with this password for user `neo4j` (min. 8 characters); without it auth is off. */
  password?: string;
  /** Neo4j transaction timeout, e.g. "60s". */
  txTimeout?: string;
  /** true: outlive this process (db:start). false (default): a child that dies with this process. */
  detached?: boolean;
  log?: (line: string) => void;
}

export interface EmbeddedNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /** true when a server already running on this data dir was found; stop() then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NEO4J_DIR = path.join(ROOT, 'neo4j');
const TARGET = path.join(NEO4J_DIR, 'target');
const STAMP = path.join(TARGET, 'build.stamp');
// The jar, not target/classes: a class-data sharing archive refuses directories on the classpath.
const CLASSPATH = `${path.join(TARGET, 'embedded-neo4j.jar')}${path.delimiter}${path.join(TARGET, 'lib', '*')}`;
const CLASS_ARCHIVE = path.join(TARGET, 'embedded-neo4j.jsa');
const MAIN_CLASS = 'ownershipexplorer.neo4j.EmbeddedNeo4j';
const READY = /^NEO4J READY (bolt:\/\/\S+)\s*$/m;
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;
/** Writing the class archive happens as the JVM exits and takes a while on a busy machine. */
const ARCHIVE_STOP_TIMEOUT_MS = 180_000;

// The flags Neo4j 5's own conf/neo4j.conf passes (server.jvm.additional), minus the profiling ones.
const JVM_FLAGS = [
  // Neo4j reaches into NIO internals (direct buffers, file channels); Java 17 denies that without these.
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
  '-Dio.netty.tryReflectionSetAccessible=true',
  // Explicit, because the JVM falls back to the serial collector when it sees under 2 CPUs or 1792 MB
  // (a cgroup-limited container); G1 keeps pauses short while queries run.
  '-XX:+UseG1GC',
  '-XX:+DisableExplicitGC',
  '-XX:-OmitStackTraceInFastThrow',
  '-Djdk.nio.maxCachedBufferSize=1024',
  // A JVM that ran out of memory is in an unknown state: better to die and be restarted than limp on.
  '-XX:+ExitOnOutOfMemoryError',
  '-Dlog4j2.disable.jmx=true',
  '-Dfile.encoding=UTF-8',
  // The JVM prints its own warnings on stdout by default; stdout is reserved for the READY line.
  '-Xlog:disable',
  '-Xlog:all=warning:stderr',
];

/** Builds neo4j/ with Maven once; later calls return at once while pom.xml and the sources are unchanged. */
export async function ensureNeo4jJars(log: (line: string) => void = () => {}): Promise<void> {
  const fingerprint = await sourceFingerprint();
  const stamp = await readFile(STAMP, 'utf8').catch(() => '');
  if (stamp === fingerprint) return;
  log('embedded-neo4j: building neo4j/ with Maven (the very first build downloads ~170 MB from Maven Central)…');
  const started = Date.now();
  const { code, output } = await run('mvn', ['-q', '-B', '-f', path.join(NEO4J_DIR, 'pom.xml'), 'package']);
  if (code !== 0) throw new Error(`mvn failed (exit ${code}):\n${lastLines(output, 40)}`);
  log(`embedded-neo4j: Maven build took ${Date.now() - started} ms; recording a class-data archive…`);
  const archiveStarted = Date.now();
  await buildClassArchive(log);
  await writeFile(STAMP, fingerprint);
  log(`embedded-neo4j: class-data archive took ${Date.now() - archiveStarted} ms`);
}

/**
 * Class-data sharing: a JVM started with -XX:ArchiveClassesAtExit writes every class it loaded, parsed
 * and verified, to a file that later JVMs map instead of loading Neo4j's ~200 jars again. Measured on
 * the 2-core machine: ~35% less CPU to reach READY (10-11 s instead of 16-17 s), which nearly halves
 * the wall time while other work competes for the cores. An optimisation only: on failure, or when the
 * JDK changes and the JVM ignores the stale archive, Neo4j simply starts the slow way.
 */
async function buildClassArchive(log: (line: string) => void): Promise<void> {
  await rm(CLASS_ARCHIVE, { force: true });
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'oe-neo4j-cds-'));
  try {
    const opts = { port: await findFreePort(), dataDir, heap: '512m', pageCache: '64m' };
    const db = await launch(opts, [`-XX:ArchiveClassesAtExit=${CLASS_ARCHIVE}`]);
    try {
      // One query, so Cypher's parser, planner and runtime classes are recorded too.
      const driver = neo4j.driver(db.uri);
      await driver.executeQuery('MATCH (n)-[r]->(m) WHERE n.id = $id RETURN count(*) AS c', { id: 'x' }).finally(() => driver.close());
    } finally {
      await stopPid(db.pid, ARCHIVE_STOP_TIMEOUT_MS);
    }
    if (!existsSync(CLASS_ARCHIVE)) throw new Error('the JVM wrote no archive');
  } catch (err) {
    log(`embedded-neo4j: no class-data archive (${err instanceof Error ? err.message : String(err)}); starts will be slower`);
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function startEmbeddedNeo4j(opts: EmbeddedNeo4jOptions = {}): Promise<EmbeddedNeo4j> {
  const log = opts.log ?? (() => {});
  const dataDir = path.resolve(opts.dataDir ?? '.data/neo4j');
  const running = await findRunning(dataDir);
  if (running) {
    log(`embedded-neo4j: reusing the server already running on ${dataDir} (pid ${running.pid}, port ${running.port})`);
    const uri = `bolt://127.0.0.1:${running.port}`;
    return { uri, ...running, dataDir, reused: true, stop: async () => {} };
  }

  const port = opts.port ?? 7687;
  if (await isPortOpen(port)) throw new Error(`port ${port} is already in use by another process`);
  await ensureNeo4jJars(log);
  const sharing = existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : [];
  return launch({ ...opts, port, dataDir }, sharing);
}

/** Spawns the launcher and waits for its READY line; the caller has checked port and data dir. */
async function launch(opts: EmbeddedNeo4jOptions & { port: number; dataDir: string }, extraJvmFlags: string[]): Promise<EmbeddedNeo4j> {
  const { port, dataDir } = opts;
  const log = opts.log ?? (() => {});
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  const logFile = path.join(dataDir, 'logs', 'launcher.log');
  const child = spawnLauncher(opts, extraJvmFlags, logFile);
  log(`embedded-neo4j: starting on port ${port} (pid ${child.pid}, data ${dataDir}, logs ${path.dirname(logFile)})`);

  const uri = await waitForReady(child, logFile, dataDir).catch(async (err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  const pid = child.pid as number; // defined: waitForReady fails when the spawn itself failed
  if (opts.detached) return { uri, port, pid, dataDir, reused: false, stop: () => stopPid(pid) };

  // An attached child must not outlive us. A normal exit runs this handler; for signals and SIGKILL the
  // launcher watches its stdin (--exit-on-stdin-eof), which closes whenever this process goes away.
  const killOnExit = (): void => void child.kill('SIGTERM');
  process.on('exit', killOnExit);
  child.once('exit', (code, signal) => {
    process.off('exit', killOnExit);
    log(`embedded-neo4j: pid ${pid} exited (${signal ?? `code ${code}`})`);
  });
  return { uri, port, pid, dataDir, reused: false, stop: () => stopPid(pid) };
}

export interface BulkImportOptions {
  /** The data dir the server will later start on; it must hold no database and no running server. */
  dataDir: string;
  /** Directory of nodes-*.csv and relationships-*.csv files in the admin-import header format. */
  csvDir: string;
  /** JVM heap of the importer (it keeps most of its data off-heap). */
  heap?: string;
  /** Each line the importer prints (its progress, then its summary). */
  onOutput?: (line: string) => void;
}

/** Why an offline import into dataDir cannot run, or null when it can. */
export async function bulkImportRefusal(dataDir: string): Promise<string | null> {
  const dir = path.resolve(dataDir);
  const running = await findRunning(dir);
  if (running) return `an embedded Neo4j is running on ${dir} (pid ${running.pid}); the offline import needs it stopped (npm run db:stop)`;
  if (existsSync(path.join(dir, 'data', 'databases', 'neo4j'))) return `${dir} already holds a database; the offline import only builds a new one (use an empty NEO4J_DATA_DIR, or remove ${dir})`;
  return null;
}

/**
 * Runs the launcher's --import mode (Neo4j's offline importer, BulkImport.java) into a stopped, empty data
 * dir and resolves with its wall time once it exits 0; refuses a running server or an existing database.
 */
export async function runBulkImport(opts: BulkImportOptions): Promise<{ ms: number; importerMs: number | null }> {
  const dataDir = path.resolve(opts.dataDir);
  const refusal = await bulkImportRefusal(dataDir);
  if (refusal) throw new Error(refusal);
  await ensureNeo4jJars();
  const heap = opts.heap ?? '1g';
  const sharing = existsSync(CLASS_ARCHIVE) ? [`-XX:SharedArchiveFile=${CLASS_ARCHIVE}`] : [];
  const args = [...JVM_FLAGS, ...sharing, `-Xms${heap}`, `-Xmx${heap}`, '-cp', CLASSPATH, MAIN_CLASS, `--data-dir=${dataDir}`, `--import=${path.resolve(opts.csvDir)}`];
  const started = performance.now();
  const child = spawn('java', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  let importerMs: number | null = null;
  const lines = (chunk: Buffer): void => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      importerMs ??= importerDuration(line);
      tail.push(line);
      if (tail.length > 30) tail.shift();
      opts.onOutput?.(line);
    }
  };
  child.stdout.on('data', lines);
  child.stderr.on('data', lines);
  const code = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error(`the offline import into ${dataDir} failed (exit ${code}):\n${tail.join('\n')}`);
  return { ms: Math.round(performance.now() - started), importerMs };
}

/** The importer's own time from its last line, "IMPORT DONE in 1m 2s 345ms." (the JVM's start excluded). */
function importerDuration(line: string): number | null {
  const done = /IMPORT DONE in (.*)\./.exec(line)?.[1];
  if (done === undefined) return null;
  const unit: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1000, ms: 1 };
  let ms = 0;
  for (const [, n, u] of done.matchAll(/(\d+)(ms|h|m|s)\b/g)) ms += Number(n) * (unit[u!] ?? 0);
  return ms;
}

/** Stops the server recorded in DATA_DIR/embedded.pid; false when none was running. */
export async function stopEmbeddedNeo4j(dataDir = '.data/neo4j'): Promise<boolean> {
  const dir = path.resolve(dataDir);
  const recorded = await readPidFile(dir);
  if (!recorded || !isAlive(recorded.pid) || !isLauncher(recorded.pid)) {
    await rm(path.join(dir, 'embedded.pid'), { force: true }); // stale: the server was killed, not stopped
    return false;
  }
  await stopPid(recorded.pid);
  return true;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function spawnLauncher(opts: EmbeddedNeo4jOptions & { port: number; dataDir: string }, extraJvmFlags: string[], logFile: string): ChildProcess {
  const heap = opts.heap ?? '2g';
  const args = [...JVM_FLAGS, ...extraJvmFlags, `-Xms${heap}`, `-Xmx${heap}`, '-cp', CLASSPATH, MAIN_CLASS];
  args.push(`--port=${opts.port}`, `--data-dir=${opts.dataDir}`, `--page-cache=${opts.pageCache ?? '2g'}`, `--tx-timeout=${opts.txTimeout ?? '60s'}`);
  if (!opts.detached) args.push('--exit-on-stdin-eof');
  // Output goes to a file rather than a pipe, so a detached server never writes into a closed pipe.
  const out = openSync(logFile, 'w');
  try {
    // The password travels in the environment only (never argv, which `ps` shows); an inherited
    // NEO4J_PASSWORD is dropped so that only opts.password decides whether auth is on.
    const { NEO4J_PASSWORD: _inherited, ...env } = process.env;
    if (opts.password) env['NEO4J_PASSWORD'] = opts.password;
    const child = spawn('java', args, { cwd: ROOT, env, detached: opts.detached ?? false, stdio: [opts.detached ? 'ignore' : 'pipe', out, out] });
    // Neither the child nor its stdin pipe should keep this process's event loop alive.
    child.unref();
    if (child.stdin instanceof net.Socket) child.stdin.unref();
    return child;
  } finally {
    closeSync(out); // the child has its own copy of the descriptor
  }
}

async function waitForReady(child: ChildProcess, logFile: string, dataDir: string): Promise<string> {
  let exit: string | undefined;
  child.once('error', (err) => (exit = `could not run java: ${err.message}`));
  child.once('exit', (code, signal) => (exit = `exited before it was ready (${signal ?? `code ${code}`})`));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const match = READY.exec(await readFile(logFile, 'utf8').catch(() => ''));
    if (match?.[1]) return match[1];
    if (exit !== undefined || Date.now() > deadline) {
      const why = exit ?? `not ready after ${READY_TIMEOUT_MS / 1000} s`;
      throw new Error(`embedded Neo4j ${why}. Last log lines:\n${await logTail(logFile, dataDir)}`);
    }
    await sleep(100);
  }
}

/** SIGTERM (the launcher's shutdown hook checkpoints and closes the stores), SIGKILL if that hangs. */
async function stopPid(pid: number, timeoutMs = STOP_TIMEOUT_MS): Promise<void> {
  try {
    process.kill(pid, 'SIGTERM');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return; // already gone
    throw err;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`embedded Neo4j (pid ${pid}) ignored SIGTERM for ${timeoutMs / 1000} s and was killed`);
    }
    await sleep(100);
  }
}

async function findRunning(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const recorded = await readPidFile(dataDir);
  if (!recorded || !isAlive(recorded.pid) || !isLauncher(recorded.pid)) return undefined;
  return (await isPortOpen(recorded.port)) ? recorded : undefined;
}

async function readPidFile(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path.join(dataDir, 'embedded.pid'), 'utf8'));
    const { pid, port } = (parsed ?? {}) as Record<string, unknown>;
    return typeof pid === 'number' && typeof port === 'number' ? { pid, port } : undefined;
  } catch {
    return undefined;
  }
}

/** kill(pid, 0) also succeeds for a zombie, which an init that does not reap would leave forever. */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc (macOS): trust kill()
  }
}

/** Guards against a stale pid file whose pid now belongs to another program, which we must not signal. */
function isLauncher(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MAIN_CLASS);
  } catch {
    return true; // no /proc: the port check in findRunning is all we have
  }
}

async function isPortOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port, timeout: 1_000 });
    const done = (open: boolean): void => {
      socket.destroy();
      resolve(open);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

async function sourceFingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const javaDir = path.join(NEO4J_DIR, 'src', 'main', 'java');
  const files = (await readdir(javaDir, { recursive: true })).filter((f) => f.endsWith('.java')).sort();
  for (const file of ['pom.xml', ...files.map((f) => path.join('src', 'main', 'java', f))]) {
    hash.update(file).update(await readFile(path.join(NEO4J_DIR, file)));
  }
  return hash.digest('hex');
}

function run(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

async function logTail(logFile: string, dataDir: string): Promise<string> {
  const launcher = await readFile(logFile, 'utf8').catch(() => '');
  const debug = await readFile(path.join(dataDir, 'logs', 'debug.log'), 'utf8').catch(() => '');
  const tail = lastLines(launcher, 30);
  return debug ? `${tail}\n--- ${path.join(dataDir, 'logs', 'debug.log')} ---\n${lastLines(debug, 15)}` : tail;
}

function lastLines(text: string, count: number): string {
  return text.trimEnd().split('\n').slice(-count).join('\n');
}
