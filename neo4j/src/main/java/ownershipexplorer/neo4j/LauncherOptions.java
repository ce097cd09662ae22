package ownershipexplorer.neo4j;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.neo4j.configuration.SettingValueParsers;

/**
 * The launcher's settings. Each one comes from an argument ({@code --port=7688}), else a system
 * property ({@code -Dneo4j.port=7688}), else the default, so both a shell user and the Node side
 * (server/src/db/embedded.ts, which passes arguments) can drive it. The heap is not here: it is the
 * JVM's own -Xmx, which must be fixed before any of this code runs.
 */
record LauncherOptions(
    int port,
    Path dataDir,
    long pageCacheBytes,
    Duration txTimeout,
    String password,
    boolean exitOnStdinEof,
    Path importDir) {

  static LauncherOptions parse(String[] args) {
    Map<String, String> argv = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--")) throw new IllegalArgumentException("unexpected argument " + arg);
      int eq = arg.indexOf('=');
      argv.put(eq < 0 ? arg.substring(2) : arg.substring(2, eq), eq < 0 ? "true" : arg.substring(eq + 1));
    }

    int port = Integer.parseInt(pick(argv, "port", "neo4j.port", "7687"));
    // Port 0 cannot work: the Node side must know the port before it sees the READY line.
    if (port < 1 || port > 65535) throw new IllegalArgumentException("port must be 1..65535, got " + port);

    // Relative to the working directory, as the brief's `.data/neo4j` default implies.
    Path dataDir = Path.of(pick(argv, "data-dir", "neo4j.dataDir", ".data/neo4j")).toAbsolutePath().normalize();

    // Neo4j's own parsers, so "512m", "2g", "90s" and "2m" mean exactly what they mean in neo4j.conf.
    long pageCacheBytes = SettingValueParsers.BYTES.parse(pick(argv, "page-cache", "neo4j.pageCache", "2g"));
    Duration txTimeout = SettingValueParsers.DURATION.parse(pick(argv, "tx-timeout", "neo4j.txTimeout", "60s"));

    // The password only ever comes from the environment, so it never shows in `ps` output.
    String password = System.getenv("NEO4J_PASSWORD");
    if (password != null && password.isEmpty()) password = null;

    boolean exitOnStdinEof = Boolean.parseBoolean(pick(argv, "exit-on-stdin-eof", "neo4j.exitOnStdinEof", "false"));
    // --import=DIR: build the store offline from CSV files (BulkImport) and exit instead of serving.
    String importArg = pick(argv, "import", "neo4j.import", null);
    Path importDir = importArg == null ? null : Path.of(importArg).toAbsolutePath().normalize();
    // A typo such as --pagecache=4g must fail loudly rather than silently run with the default.
    if (!argv.isEmpty()) throw new IllegalArgumentException("unknown option(s) " + argv.keySet());
    return new LauncherOptions(port, dataDir, pageCacheBytes, txTimeout, password, exitOnStdinEof, importDir);
  }

  private static String pick(Map<String, String> argv, String arg, String property, String fallback) {
    String fromArg = argv.remove(arg);
    if (fromArg != null) return fromArg;
    return System.getProperty(property, fallback);
  }
}
