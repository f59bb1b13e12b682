package kb.cluster;

import static kb.CliRun.kb;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import kb.CliRun;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kb publish} against the local 3-node cluster, as a user runs it: the shipped
 * {@code content/} built with {@code kb build}, published in full, then edited (an article changed,
 * one added, one deleted), built again and published with {@code --incremental}; the cluster then
 * holds what a full publish of the same build holds, document for document.
 */
@ExtendWith(OpenSearchCluster.Extension.class)
class PublishIT {

    @TempDir
    Path tmp;

    @Test
    void publishesInFullMovesTheAliasAndKeepsOnlyThePreviousIndex(OpenSearchCluster cluster) throws IOException {
        String alias = "kbit-full";
        Path index = build(Path.of("content"), "a");

        CliRun first = publish(cluster, index, alias);
        CliRun second = publish(cluster, index, alias);
        CliRun third = publish(cluster, index, alias);

        assertThat(List.of(first, second, third)).allSatisfy(run -> assertThat(run.code()).as(run.err()).isZero());
        String firstIndex = indexOf(cluster, alias, first);
        String secondIndex = indexOf(cluster, alias, second);
        String thirdIndex = indexOf(cluster, alias, third);
        assertThat(aliasIndices(cluster, alias)).containsExactly(thirdIndex);
        assertThat(indices(cluster, alias)).containsExactlyInAnyOrder(secondIndex, thirdIndex);
        assertThat(third.out()).contains("moved from " + secondIndex).contains("deleted " + firstIndex);
        assertThat(cluster.ok("GET", "/" + alias + "/_count", null).path("count").asLong()).isEqualTo(documents(index));
        assertThat(cluster.ok("GET", "/" + thirdIndex + "/_mapping", null).path(thirdIndex).path("mappings")
                .path("_meta").path("kb_schema").asText()).isEqualTo(kb.search.IndexFields.SCHEMA_VERSION);
    }

    @Test
    void anIncrementalPublishSendsOnlyWhatChangedAndEqualsAFullOne(OpenSearchCluster cluster) throws IOException {
        Path source = tmp.resolve("source");
        kb.TestSites.copyTree(Path.of("content"), source);
        Path before = build(source, "before");
        assertThat(publish(cluster, before, "kbit-inc").code()).isZero();
        CliRun nothing = kb("publish", "--no-progress", "--index", before.toString(), "--opensearch", urls(cluster),
                "--alias", "kbit-inc", "--incremental");
        assertThat(nothing.out()).as(nothing.err()).contains(": 0 sent (0 added, 0 changed), 0 deleted");

        Path changed = source.resolve("kb/900/Q900101/README.md");
        Files.writeString(changed, Files.readString(changed).replace("hardware inventory", "hardware inventory (edited)"));
        Path added = source.resolve("kb/900/Q900199/README.md");
        Files.createDirectories(added.getParent());
        Files.writeString(added, Files.readString(source.resolve("kb/900/Q900102/README.md"))
                .replace("Q900102", "Q900199").replace("900102", "900199"));
        delete(source.resolve("kb/900/Q900215"));
        Path listing = source.resolve("id/winnt/README.md");
        Files.writeString(listing, Files.readString(listing).lines().filter(l -> !l.contains("Q900215"))
                .collect(Collectors.joining("\n", "", "\n")));
        Path after = build(source, "after");

        CliRun update = kb("publish", "--no-progress", "--index", after.toString(), "--opensearch", urls(cluster),
                "--alias", "kbit-inc", "--incremental");
        CliRun full = publish(cluster, after, "kbit-inc-full");

        assertThat(update.code()).as(update.err()).isZero();
        assertThat(update.out()).contains("1 added").contains("1 deleted");
        long sent = Long.parseLong(update.out().replaceAll("(?s).*: (\\d+) sent.*", "$1"));
        assertThat(sent).as("only the edited and added articles, and pages that list them").isLessThan(documents(after) / 2);
        assertThat(full.code()).isZero();
        assertThat(sources(cluster, "kbit-inc")).isEqualTo(sources(cluster, "kbit-inc-full"));
    }

    @Test
    void aClusterThatCannotBeReachedLeavesTheAliasWhereItWas(OpenSearchCluster cluster) throws IOException {
        Path index = build(Path.of("content"), "c");
        assertThat(publish(cluster, index, "kbit-fail").code()).isZero();
        List<String> before = aliasIndices(cluster, "kbit-fail");

        CliRun unreachable = kb("publish", "--no-progress", "--index", index.toString(), "--opensearch",
                "http://127.0.0.1:1", "--alias", "kbit-fail");
        CliRun badAlias = kb("publish", "--no-progress", "--index", index.toString(), "--opensearch", urls(cluster),
                "--alias", "Not*An*Alias");
        CliRun noIndex = kb("publish", "--no-progress", "--index", tmp.resolve("nothing").toString(), "--opensearch",
                urls(cluster), "--alias", "kbit-fail");

        assertThat(unreachable.code()).isEqualTo(1);
        assertThat(unreachable.err()).contains("no cluster node answered").contains("the alias kbit-fail was not changed");
        assertThat(badAlias.err()).contains("--alias must be lower-case");
        assertThat(noIndex.err()).contains("no index at").contains("run 'kb build' first");
        assertThat(aliasIndices(cluster, "kbit-fail")).isEqualTo(before);
    }

    private Path build(Path source, String name) {
        Path site = tmp.resolve(name + "-site");
        Path index = tmp.resolve(name + "-index");
        CliRun run = kb("build", "--no-progress", "--source", source.toString(), "--dest", site.toString(), "--index",
                index.toString());
        assertThat(run.code()).as(run.err()).isZero();
        return index;
    }

    private static CliRun publish(OpenSearchCluster cluster, Path index, String alias) {
        return kb("publish", "--no-progress", "--index", index.toString(), "--opensearch", urls(cluster), "--alias", alias);
    }

    private static String urls(OpenSearchCluster cluster) {
        return cluster.urls().stream().map(URI::toString).collect(Collectors.joining(","));
    }

    private static String indexOf(OpenSearchCluster cluster, String alias, CliRun run) {
        return run.out().replaceAll("(?s).* documents in (" + alias + "-[0-9]+-[0-9]+);.*", "$1").strip();
    }

    private static List<String> aliasIndices(OpenSearchCluster cluster, String alias) {
        List<String> out = new ArrayList<>();
        cluster.ok("GET", "/_alias/" + alias, null).fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static List<String> indices(OpenSearchCluster cluster, String alias) {
        List<String> out = new ArrayList<>();
        cluster.ok("GET", "/_cat/indices/" + alias + "-*?format=json&h=index", null).forEach(i -> out.add(i.path("index").asText()));
        return out;
    }

    /** Every document of an alias's index, by {@code _id}. */
    private static Map<String, JsonNode> sources(OpenSearchCluster cluster, String alias) {
        Map<String, JsonNode> out = new TreeMap<>();
        JsonNode hits = cluster.ok("POST", "/" + alias + "/_search", "{\"size\": 1000, \"query\": {\"match_all\": {}}}")
                .path("hits").path("hits");
        hits.forEach(h -> out.put(h.path("_id").asText(), h.path("_source")));
        assertThat(out).isNotEmpty();
        return out;
    }

    private static long documents(Path index) throws IOException {
        try (FSDirectory dir = FSDirectory.open(index); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.numDocs();
        }
    }

    private static void delete(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
