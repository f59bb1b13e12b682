package kb.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;
import kb.json.KbJson;
import kb.search.IndexFields;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;

/**
 * Publishes the documents of a kb index to a search cluster.
 *
 * <p>A full publish writes a new index ({@code <alias>-<schema>-<time>}) with kb's settings and
 * mappings, fills it with the bulk API in bounded batches (retrying with backoff what the cluster
 * refuses for load: 429, 5xx, a node lost), checks that it holds as many documents as the build,
 * and only then moves the alias to it in one atomic {@code _aliases} request; indices of the alias
 * older than the one it left are deleted, as are leftovers of publishes that failed. Nothing
 * before the alias moves is visible to searches, so a publish that fails or is stopped at any
 * moment leaves the alias on a complete index.
 *
 * <p>An incremental publish updates the index the alias points to: it reads the digest of every
 * document there and sends only what was added or changed, and deletes what is gone.
 */
public final class Publisher {

    /** Documents per bulk request, at most. */
    static final int BATCH_DOCUMENTS = 500;
    /** Bytes per bulk request, about at most (a single larger document goes alone). */
    static final int BATCH_BYTES = 8 << 20;
    /** Attempts of one bulk request before the publish fails. */
    static final int ATTEMPTS = 8;

    private static final Pattern ALIAS = Pattern.compile("[a-z0-9][a-z0-9_-]{0,100}");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS");

    private final ClusterClient cluster;
    private final ClusterDocuments documents;

    public Publisher(ClusterClient cluster) {
        this.cluster = cluster;
        this.documents = new ClusterDocuments();
    }

    /**
     * What a publish did.
     *
     * @param index     the index the alias points to now
     * @param previous  the index it pointed to before ("" when none)
     * @param documents the documents the build has (and the index holds)
     * @param sent      documents sent (all of them, or for an incremental publish the added and changed)
     * @param added     of those, how many the index did not have (incremental)
     * @param deleted   documents deleted from the index (incremental)
     * @param removed   old indices deleted
     * @param took      how long it took
     */
    public record Report(String index, String previous, long documents, long sent, long added, long deleted,
            List<String> removed, Duration took) {
    }

    /**
     * Publishes the build whose index is in {@code indexDir}.
     *
     * @param alias       the alias searches use
     * @param incremental update the alias's index instead of writing a new one
     * @param shards      the primary shards of a new index, when not kb's default (3)
     * @param replicas    the replicas per shard of a new index, when not kb's default (1)
     * @param progress    told how many documents were sent so far
     * @param total       told, first, how many documents will be sent at most
     * @throws ClusterException         when the cluster cannot be reached or refuses (the alias
     *                                  is then where it was)
     * @throws IllegalArgumentException when the options or the index are not usable
     */
    public Report publish(Path indexDir, String alias, boolean incremental, Optional<Integer> shards,
            Optional<Integer> replicas, LongConsumer total, LongConsumer progress) {
        long start = System.nanoTime();
        checkAlias(alias);
        try (FSDirectory dir = FSDirectory.open(requireIndex(indexDir)); DirectoryReader reader = DirectoryReader.open(dir)) {
            String schema = reader.getIndexCommit().getUserData().get(IndexFields.SCHEMA_KEY);
            if (!IndexFields.SCHEMA_VERSION.equals(schema)) {
                throw new IllegalArgumentException("the index at " + indexDir + " has schema " + schema + ", this kb "
                        + IndexFields.SCHEMA_VERSION + ": run 'kb build' again");
            }
            long count = reader.numDocs();
            List<String> current = aliasIndices(alias);
            Report report = incremental
                    ? incremental(reader, alias, current, count, total, progress)
                    : full(reader, alias, current, count, shards, replicas, total, progress);
            return new Report(report.index(), report.previous(), report.documents(), report.sent(), report.added(),
                    report.deleted(), report.removed(), Duration.ofNanos(System.nanoTime() - start));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index at " + indexDir, e);
        }
    }

    private Report full(DirectoryReader reader, String alias, List<String> current, long count,
            Optional<Integer> shards, Optional<Integer> replicas, LongConsumer total, LongConsumer progress) {
        if (cluster.get("/" + alias).status() == 200 && current.isEmpty()) {
            throw new IllegalArgumentException("the cluster has an index named " + alias
                    + ", so it cannot be an alias: choose another --alias or delete that index");
        }
        String name = alias + "-" + IndexFields.SCHEMA_VERSION + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
        IndexDefinition definition = IndexDefinition.load().withSchema(IndexFields.SCHEMA_VERSION);
        if (shards.isPresent()) {
            definition = definition.withShards(shards.get());
        }
        if (replicas.isPresent()) {
            definition = definition.withReplicas(replicas.get());
        }
        cluster.put("/" + name, definition.json()).require("creating index " + name);
        total.accept(count);
        Bulk bulk = new Bulk(name);
        documents.forEach(reader, d -> {
            bulk.index(d.id(), d.source());
            if (bulk.full()) {
                progress.accept(bulk.flush());
            }
        });
        progress.accept(bulk.flush());
        cluster.post("/" + name + "/_refresh", "{}").require("refreshing " + name);
        long held = count(name);
        if (held != count) {
            throw new ClusterException("index " + name + " holds " + held + " documents, the build " + count
                    + ": the alias " + alias + " was not moved", null);
        }
        moveAlias(alias, current, name);
        List<String> removed = removeOld(alias, name, current);
        return new Report(name, String.join(",", current), count, count, count, 0, removed, Duration.ZERO);
    }

    private Report incremental(DirectoryReader reader, String alias, List<String> current, long count,
            LongConsumer total, LongConsumer progress) {
        if (current.size() != 1) {
            throw new IllegalArgumentException(current.isEmpty()
                    ? "the alias " + alias + " points to no index: publish in full first (without --incremental)"
                    : "the alias " + alias + " points to " + current.size() + " indices " + current
                            + ": publish in full (without --incremental)");
        }
        String name = current.get(0);
        String schema = cluster.get("/" + name + "/_mapping").require("reading the mapping of " + name)
                .path(name).path("mappings").path("_meta").path("kb_schema").asText("");
        if (!schema.equals(IndexFields.SCHEMA_VERSION)) {
            throw new IllegalArgumentException("the index " + name + " has kb's schema " + (schema.isEmpty() ? "(none)" : schema)
                    + ", this kb " + IndexFields.SCHEMA_VERSION + ": publish in full (without --incremental)");
        }
        Map<String, String> live = digests(name);
        Set<String> seen = new HashSet<>();
        Bulk bulk = new Bulk(name);
        long[] added = new long[1];
        long[] changed = new long[1];
        total.accept(count);
        long[] looked = new long[1];
        documents.forEach(reader, d -> {
            seen.add(d.id());
            String before = live.get(d.id());
            if (!d.digest().equals(before)) {
                if (before == null) {
                    added[0]++;
                } else {
                    changed[0]++;
                }
                bulk.index(d.id(), d.source());
            }
            looked[0]++;
            if (bulk.full()) {
                bulk.flush();
            }
            if (looked[0] % BATCH_DOCUMENTS == 0) {
                progress.accept(BATCH_DOCUMENTS);
            }
        });
        long deleted = 0;
        for (String id : live.keySet()) {
            if (!seen.contains(id)) {
                bulk.delete(id);
                deleted++;
                if (bulk.full()) {
                    bulk.flush();
                }
            }
        }
        bulk.flush();
        progress.accept(looked[0] % BATCH_DOCUMENTS);
        cluster.post("/" + name + "/_refresh", "{}").require("refreshing " + name);
        long held = count(name);
        if (held != count) {
            throw new ClusterException("index " + name + " holds " + held + " documents after the update, the build "
                    + count, null);
        }
        return new Report(name, name, count, added[0] + changed[0], added[0], deleted, List.of(), Duration.ZERO);
    }

    /** Every document's digest in an index, by {@code _id}. */
    private Map<String, String> digests(String index) {
        Map<String, String> out = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode q = KbJson.object();
            q.put("size", 5000);
            q.put("track_total_hits", false);
            q.putArray("_source").add(IndexFields.DIGEST);
            q.putArray("sort").addObject().put(IndexFields.URL, "asc");
            if (after != null) {
                q.set("search_after", after);
            }
            JsonNode hits = cluster.post("/" + index + "/_search", q).require("reading the digests of " + index)
                    .path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            for (JsonNode hit : hits) {
                out.put(hit.path("_id").asText(), hit.path("_source").path(IndexFields.DIGEST).asText());
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private long count(String index) {
        return cluster.get("/" + index + "/_count").require("counting the documents of " + index).path("count").asLong(-1);
    }

    /** The indices an alias points to (none when it does not exist). */
    private List<String> aliasIndices(String alias) {
        ClusterClient.Answer answer = cluster.get("/_alias/" + alias);
        if (answer.status() == 404) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        answer.require("reading the alias " + alias).fieldNames().forEachRemaining(out::add);
        out.sort(null);
        return out;
    }

    /** Points the alias at {@code index} and away from {@code from}, in one atomic request. */
    private void moveAlias(String alias, List<String> from, String index) {
        ObjectNode body = KbJson.object();
        ArrayNode actions = body.putArray("actions");
        for (String old : from) {
            actions.addObject().putObject("remove").put("index", old).put("alias", alias);
        }
        actions.addObject().putObject("add").put("index", index).put("alias", alias);
        cluster.post("/_aliases", body).require("moving the alias " + alias + " to " + index);
    }

    /**
     * Deletes the alias's indices other than the new one and those it pointed to until now:
     * older publishes and leftovers of failed ones.
     */
    private List<String> removeOld(String alias, String keep, List<String> previous) {
        Pattern ours = Pattern.compile(Pattern.quote(alias) + "-\\d+-\\d{17}");
        JsonNode indices = cluster.get("/_cat/indices/" + alias + "-*?format=json&h=index").require("listing indices");
        List<String> removed = new ArrayList<>();
        for (JsonNode i : indices) {
            String name = i.path("index").asText();
            if (ours.matcher(name).matches() && !name.equals(keep) && !previous.contains(name)) {
                cluster.delete("/" + name).require("deleting the old index " + name);
                removed.add(name);
            }
        }
        removed.sort(null);
        return removed;
    }

    private static void checkAlias(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new IllegalArgumentException("--alias must be lower-case letters, digits, '-' or '_' (not " + alias + ")");
        }
    }

    private static Path requireIndex(Path indexDir) {
        if (!Files.isDirectory(indexDir)) {
            throw new IllegalArgumentException("no index at " + indexDir + " (run 'kb build' first)");
        }
        return indexDir;
    }

    /** Bulk requests to one index: documents gathered up to a batch, sent with retries. */
    private final class Bulk {

        private final String index;
        private final Map<String, String> pending = new LinkedHashMap<>();
        private int bytes;

        Bulk(String index) {
            this.index = index;
        }

        void index(String id, Map<String, Object> source) {
            ObjectNode action = KbJson.object();
            action.putObject("index").put("_index", index).put("_id", id);
            String lines = write(action) + "\n" + write(source) + "\n";
            pending.put(id, lines);
            bytes += lines.length();
        }

        void delete(String id) {
            ObjectNode action = KbJson.object();
            action.putObject("delete").put("_index", index).put("_id", id);
            String line = write(action) + "\n";
            pending.put(id, line);
            bytes += line.length();
        }

        boolean full() {
            return pending.size() >= BATCH_DOCUMENTS || bytes >= BATCH_BYTES;
        }

        /** Sends what is pending; how many documents that was. */
        int flush() {
            int n = pending.size();
            Map<String, String> todo = new LinkedHashMap<>(pending);
            pending.clear();
            bytes = 0;
            Duration wait = Duration.ofMillis(500);
            String lastProblem = "";
            for (int attempt = 1; !todo.isEmpty(); attempt++) {
                if (attempt > ATTEMPTS) {
                    throw new ClusterException("the cluster kept refusing documents after " + ATTEMPTS + " attempts: "
                            + lastProblem, null);
                }
                if (attempt > 1) {
                    sleep(wait);
                    wait = wait.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : wait.multipliedBy(2);
                }
                ClusterClient.Answer answer;
                try {
                    answer = cluster.postLines("/_bulk", String.join("", todo.values()));
                } catch (ClusterException e) {
                    lastProblem = e.getMessage(); // no node answered: wait, then try again
                    continue;
                }
                if (answer.status() == 429 || answer.status() >= 500) {
                    lastProblem = answer.status() + " " + answer.reason();
                    continue;
                }
                JsonNode body = answer.require("sending documents to " + index);
                Map<String, String> retry = new LinkedHashMap<>();
                for (JsonNode item : body.path("items")) {
                    JsonNode result = item.elements().next();
                    int status = result.path("status").asInt();
                    String id = result.path("_id").asText();
                    if (status == 429 || status >= 500) {
                        retry.put(id, todo.get(id));
                        lastProblem = status + " " + result.path("error").path("reason").asText("");
                    } else if (status >= 300 && !(status == 404 && item.has("delete"))) {
                        throw new ClusterException("the cluster refused the document " + id + ": "
                                + result.path("error").path("type").asText("") + ": "
                                + result.path("error").path("reason").asText(""), null);
                    }
                }
                todo = retry;
            }
            return n;
        }

        private String write(Object o) {
            return KbJson.write(o);
        }
    }

    private static void sleep(Duration d) {
        try {
            // jitter, so that several publishers do not retry in step
            Thread.sleep(d.toMillis() / 2 + ThreadLocalRandom.current().nextLong(d.toMillis() / 2 + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("interrupted", e);
        }
    }
}
