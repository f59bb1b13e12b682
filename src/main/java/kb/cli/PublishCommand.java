package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import kb.cluster.ClusterClient;
import kb.cluster.ClusterException;
import kb.cluster.Publisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code kb publish}: the build's search documents to an OpenSearch cluster, behind an alias. */
@Command(name = "publish", mixinStandardHelpOptions = true,
        description = "Send the documents of the index written by 'kb build' to an OpenSearch cluster: a new index,"
                + " filled and checked, then the alias moved to it at once (or, with --incremental, only what changed"
                + " sent to the index the alias points to).")
final class PublishCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--index", defaultValue = "index", description = "Index folder written by 'kb build' (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--opensearch", required = true, paramLabel = "URL[,URL...]",
            description = "The cluster: one or more node URLs, comma-separated (http://127.0.0.1:9200).")
    String opensearch;

    @Option(names = "--alias", defaultValue = "kb", description = "The alias searches use (default: ${DEFAULT-VALUE}).")
    String alias;

    @Option(names = "--incremental", description = "Send only the documents added, changed or deleted since the last publish"
            + " to the index the alias points to.")
    boolean incremental;

    @Option(names = "--shards", description = "Primary shards of the new index (default: 3; 1 for a small knowledge base,"
            + " which then scores exactly as the index folder).")
    Integer shards;

    @Option(names = "--replicas", description = "Replicas per shard of the new index (default: 1; 0 for a one-node cluster).")
    Integer replicas;

    @Option(names = "--no-progress", description = "Do not show a progress bar.")
    boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (replicas != null && replicas < 0 || shards != null && shards < 1) {
            err.println("kb publish: --shards must be 1 or more, --replicas 0 or more");
            return ExitCodes.USAGE;
        }
        if (incremental && (shards != null || replicas != null)) {
            err.println("kb publish: --shards and --replicas make a new index; --incremental updates the alias's index");
            return ExitCodes.USAGE;
        }
        Publisher.Report report;
        try (ProgressBarView bar = ProgressBarView.create(!noProgress)) {
            ClusterClient cluster = new ClusterClient(ClusterClient.nodes(opensearch), Duration.ofMinutes(2));
            report = new Publisher(cluster).publish(index, alias, incremental, Optional.ofNullable(shards),
                    Optional.ofNullable(replicas),
                    total -> bar.started("publish", (int) Math.min(Integer.MAX_VALUE, total)), bar::advancedBy);
        } catch (IllegalArgumentException | ClusterException e) {
            err.println("kb publish: error: " + e.getMessage());
            err.println("kb publish: the alias " + alias + " was not changed");
            return ExitCodes.FAILED;
        }
        if (incremental) {
            out.printf("kb publish: %d documents in %s: %d sent (%d added, %d changed), %d deleted, in %.1f s%n",
                    report.documents(), report.index(), report.sent(), report.added(), report.sent() - report.added(),
                    report.deleted(), report.took().toMillis() / 1000.0);
        } else {
            out.printf("kb publish: %d documents in %s; alias %s moved%s%s, in %.1f s%n", report.documents(),
                    report.index(), alias, report.previous().isEmpty() ? "" : " from " + report.previous(),
                    report.removed().isEmpty() ? "" : "; deleted " + String.join(", ", report.removed()),
                    report.took().toMillis() / 1000.0);
        }
        return ExitCodes.OK;
    }
}
