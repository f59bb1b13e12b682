package kb.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import kb.search.IndexDocument;
import kb.search.IndexDocuments;
import kb.search.SearchIndexer;
import kb.search.StoredDocuments;
import org.apache.lucene.document.Document;

/**
 * What the search index alone costs a clean build (bench/build.sh): the documents of an index kb
 * built are read back into memory, then written again by the build's own writer
 * ({@link SearchIndexer}: the same analyzers, buffer, and merge into one segment), on as many
 * threads as there are cores, in a fresh JVM, so that the JIT compiles Lucene's code as in a build.
 *
 * <pre>
 *   IndexAlone --index INDEX --scratch FOLDER [--without FIELD,...]
 * </pre>
 *
 * Prints the documents, the wall time and the process's CPU time (all threads, the JIT's and the
 * collector's included) of the writing alone, from the first document added to the commit, and
 * the index's size. {@code --without} leaves fields out of every document (such as {@code spell})
 * to weigh what they cost. FOLDER gets the new index (one there is replaced). A document that
 * cannot be written fails the run: no figures are printed for part of the documents.
 */
public final class IndexAlone {

    private IndexAlone() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Args options = new Args(args);
        Path from = options.path("index");
        Path to = options.path("scratch");
        Set<String> without = options.optional("without").map(v -> Set.of(v.split(","))).orElse(Set.of());
        if (to.toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--scratch must not be the --index folder");
        }

        // Read before the clock starts: a build makes these values from the articles it extracts.
        List<IndexDocument> values = StoredDocuments.all(from);

        IndexDocuments documents = new IndexDocuments();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        try (SearchIndexer index = new SearchIndexer(to)) {
            try {
                // A parallel stream: as many threads as cores (the common pool's and this one).
                values.parallelStream().forEach(d -> {
                    Document doc = documents.document(d);
                    without.forEach(doc::removeFields);
                    index.put(d.url(), doc);
                });
            } catch (RuntimeException e) {
                index.rollback(); // no figures for part of the documents
                throw e;
            }
            index.mergeInBackground(); // as the build does once every document is in
        } // close: waits for the merge into one segment, then commits
        double wall = (System.nanoTime() - wall0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.list(to)) {
            bytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        System.out.printf(Locale.ROOT, "index alone: %d documents%s, %d threads: wall %.1f s, CPU %.1f s, index %d MB%n",
                values.size(), without.isEmpty() ? "" : " without " + String.join(",", without),
                Runtime.getRuntime().availableProcessors(), wall, cpu,
                bytes >> 20);
    }
}
