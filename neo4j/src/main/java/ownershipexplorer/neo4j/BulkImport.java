package ownershipexplorer.neo4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import picocli.CommandLine;

/**
 * The launcher's {@code --import=DIR} mode: Neo4j's own offline importer ({@code neo4j-admin database
 * import full}, run in this JVM from the neo4j-import-tool jar the server already depends on) builds the
 * default database's store straight from CSV files, without transactions, at a rate the online
 * UNWIND/CREATE path cannot reach. It only works on a stopped data dir with no database yet: the importer
 * locks the store and refuses an existing database (we never pass --overwrite-destination).
 *
 * <p>DIR holds files in the admin-import header format, named by role so this class needs no manifest:
 * {@code nodes-*.csv} (an {@code :ID} and a {@code :LABEL} column) and {@code relationships-*.csv}
 * (a {@code :TYPE} column). Entity searchText holds quoted line breaks (aliases and identifiers joined by
 * newlines), so fields may span lines: the v1 multi-line mode, which reads each file on one thread. (The v2
 * mode, which names the multi-line files, failed on 100,000 entities with "reached floating quote" at a
 * chunk edge; putting the newlines back after the import instead cost a write pass over every entity,
 * slower than the whole import.) Arrays and labels are separated by U+001F (unit separator), which no
 * name or id may contain (the writer checks).
 */
final class BulkImport {
  static final String ARRAY_DELIMITER = "U+001F";

  private BulkImport() {}

  /** Runs the import into dataDir (which doubles as NEO4J_HOME, as for the server); returns the exit status. */
  static int run(Path dataDir, Path csvDir) throws IOException {
    List<Path> nodes = csvFiles(csvDir, "nodes-");
    List<Path> relationships = csvFiles(csvDir, "relationships-");
    if (nodes.isEmpty()) throw new IllegalArgumentException("no nodes-*.csv files in " + csvDir);
    Files.createDirectories(dataDir.resolve("logs"));

    List<String> args = new ArrayList<>();
    for (Path file : nodes) args.add("--nodes=" + file);
    for (Path file : relationships) args.add("--relationships=" + file);
    args.add("--array-delimiter=" + ARRAY_DELIMITER);
    // Fault-free input is the contract: one bad row means a bug in the writer, so stop at the first.
    args.add("--multiline-fields=true");
    args.add("--bad-tolerance=0");
    args.add("--verbose"); // on failure, the cause (e.g. the row) rather than only "Error importing csv file"
    args.add("--report-file=" + dataDir.resolve("logs").resolve("import.report"));

    try (DefaultFileSystemAbstraction fs = new DefaultFileSystemAbstraction()) {
      ExecutionContext ctx = new ExecutionContext(dataDir, dataDir.resolve("conf"), System.out, System.err, fs);
      return new CommandLine(new ImportCommand.Full(ctx)).execute(args.toArray(String[]::new));
    }
  }

  private static List<Path> csvFiles(Path dir, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(".csv"))
          .map(f -> f.toAbsolutePath().normalize())
          .sorted()
          .toList();
    }
  }
}
