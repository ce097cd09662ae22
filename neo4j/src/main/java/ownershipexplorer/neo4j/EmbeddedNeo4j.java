package ownershipexplorer.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.QueryExecutionException;

/**
 * Runs Neo4j Community in this JVM with only Bolt on loopback, for development, tests and small
 * deployments on one machine. Contract with server/src/db/embedded.ts:
 *
 * <ul>
 *   <li>stdout carries exactly one line, {@code NEO4J READY bolt://127.0.0.1:PORT}, once Bolt accepts
 *       connections and the default database is online; Neo4j's own logs go to DATA_DIR/logs.
 *   <li>DATA_DIR/embedded.pid ({"pid":…,"port":…}) exists while the server is up, so a second caller
 *       can find and reuse it; it is removed after a clean shutdown.
 *   <li>SIGTERM/SIGINT (and, with --exit-on-stdin-eof, the parent closing our stdin) shut down cleanly.
 *   <li>With {@code --import=DIR} it does not serve: it runs Neo4j's offline importer on DIR's CSV files
 *       into DATA_DIR (BulkImport), prints the importer's progress and exits 0 on success.
 * </ul>
 *
 * Sizing for the 2-core / 24 GiB machine: the heap (-Xmx, default 2g, set by the caller) and the page
 * cache (default 2g) together take about 4 GiB plus ~0.5 GiB of JVM overhead, leaving most of the RAM
 * to Node, Vite, the jest workers and Chromium that run beside it. Our stores (the case data and the
 * synthetic graphs) are a few hundred MB, so a 2g page cache holds all of them in memory; 2g of heap
 * covers the variable-length ownership-path queries, and Neo4j caps all transactions together at 70%
 * of it by default. With 2 cores nothing is gained from parallelism knobs, so the thread settings stay
 * at Neo4j's defaults; the 60 s transaction timeout stops a runaway path query from holding a core.
 */
public final class EmbeddedNeo4j {
  private static final String HOST = "127.0.0.1";

  public static void main(String[] args) throws InterruptedException {
    LauncherOptions opts;
    try {
      opts = LauncherOptions.parse(args);
    } catch (RuntimeException e) {
      fail(2, "bad options: " + e.getMessage());
      return;
    }

    if (opts.importDir() != null) {
      // Offline import instead of serving: the store must not be open while the importer writes it.
      try {
        int status = BulkImport.run(opts.dataDir(), opts.importDir());
        if (status != 0) fail(status, "import failed (see above and " + opts.dataDir().resolve("logs") + ")");
        System.exit(0);
      } catch (Throwable e) {
        e.printStackTrace();
        fail(1, "import failed: " + e);
      }
      return;
    }

    DatabaseManagementService dbms;
    try {
      Files.createDirectories(opts.dataDir());
      dbms = build(opts).build();
    } catch (Throwable e) { // a taken port or a locked store surfaces here; show why and stop
      e.printStackTrace();
      fail(1, "could not start: " + e);
      return;
    }

    Path pidFile = opts.dataDir().resolve("embedded.pid");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.err.println("embedded-neo4j: shutting down");
      try {
        dbms.shutdown(); // flushes the page cache and checkpoints, so the next start needs no recovery
      } finally {
        deleteQuietly(pidFile);
        stopped.countDown();
      }
    }, "embedded-neo4j-shutdown"));

    try {
      if (opts.password() != null) setPassword(dbms, opts.password());
      if (!dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable(60_000)) {
        throw new IllegalStateException("database 'neo4j' did not come online within 60 s");
      }
      awaitBolt(opts.port());
      writePidFile(pidFile, opts.port());
    } catch (Throwable e) {
      e.printStackTrace();
      fail(1, "started but not usable: " + e); // System.exit runs the hook, which shuts down cleanly
      return;
    }

    System.out.println("NEO4J READY bolt://" + HOST + ":" + opts.port());
    System.out.flush();
    if (opts.exitOnStdinEof()) exitWhenStdinCloses();
    stopped.await(); // do not rely on Neo4j's own threads to keep the JVM alive; wait for the hook
  }

  private static DatabaseManagementServiceBuilder build(LauncherOptions opts) {
    boolean auth = opts.password() != null;
    return new DatabaseManagementServiceBuilder(opts.dataDir()) // the data dir doubles as NEO4J_HOME
        // Loopback only: with auth off this is what keeps the database private to this machine.
        .setConfig(GraphDatabaseSettings.default_listen_address, new SocketAddress(HOST))
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, opts.port()))
        .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
        .setConfig(HttpConnector.enabled, false)
        .setConfig(HttpsConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, auth)
        .setConfig(GraphDatabaseSettings.pagecache_memory, opts.pageCacheBytes())
        .setConfig(GraphDatabaseSettings.transaction_timeout, opts.txTimeout())
        .setConfig(GraphDatabaseSettings.logs_directory, opts.dataDir().resolve("logs"))
        // No usage reports: the machine has no internet, and a dev database has nothing to report.
        .setConfig(GraphDatabaseSettings.udc_enabled, false)
        // Bolt stops after every database is already closed, yet by default its two Netty event-loop
        // groups each wait a 5 s "quiet period", which made every stop (and each test run) 10 s slower.
        .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0);
  }

  /**
   * Makes the configured password the one drivers must use. Run on every start so that changing
   * NEO4J_PASSWORD for an existing data dir takes effect; Neo4j refuses to "change" a password to the
   * value it already has, which here simply means there is nothing to do.
   */
  private static void setPassword(DatabaseManagementService dbms, String password) {
    try {
      dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
          .executeTransactionally(
              "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
    } catch (QueryExecutionException e) {
      if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
    }
  }

  /** Bolt is started by build(), but we only announce READY after a real TCP connect succeeds. */
  private static void awaitBolt(int port) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (true) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(HOST, port), 1_000);
        return;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) throw new UncheckedIOException("Bolt port " + port + " never opened", e);
        Thread.sleep(100);
      }
    }
  }

  /** Written to a temp file and moved, so a reader never sees half a file. */
  private static void writePidFile(Path pidFile, int port) throws IOException {
    long pid = ProcessHandle.current().pid();
    Path tmp = pidFile.resolveSibling(pidFile.getFileName() + ".tmp");
    Files.writeString(tmp, "{\"pid\":" + pid + ",\"port\":" + port + "}\n", StandardCharsets.UTF_8);
    Files.move(tmp, pidFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /**
   * The Node parent keeps our stdin open and never writes to it. When the parent dies for any reason,
   * SIGKILL included, the pipe closes, read() returns -1 and we shut down: no orphaned database.
   */
  private static void exitWhenStdinCloses() {
    Thread watcher = new Thread(() -> {
      try (InputStream in = System.in) {
        while (in.read() >= 0) {
          // ignore anything written; only the end of the stream matters
        }
      } catch (IOException ignored) {
        // a broken pipe means the same as EOF
      }
      System.err.println("embedded-neo4j: parent went away (stdin closed)");
      System.exit(0);
    }, "embedded-neo4j-stdin-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a stale pid file is harmless: readers also check the pid and the port
    }
  }

  private static void fail(int status, String message) {
    System.err.println("embedded-neo4j: " + message);
    System.exit(status);
  }
}
