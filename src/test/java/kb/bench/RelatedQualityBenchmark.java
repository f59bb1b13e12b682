package kb.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.stream.IntStream;
import kb.diag.Diagnostics;
import kb.model.Article;
import kb.model.Reference;
import kb.site.ArticleReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * How related the related articles are. Ground truth: the articles an article cites, or is cited
 * by, within the site. For every article with such a link, the share whose related list holds at
 * least one of them, and the recall of that set in the list (at most five), for kb's lists as its
 * pages show them, and for OpenSearch's {@code more_like_this} on title and body (top 5, on the
 * benchmark's index of the same articles, default parameters) as the peer.
 *
 * <p>Every article's list is computed with its own citation links hidden, as it must be (a list
 * that used them would only count the links it was given). kb ({@code kb.related.RelatedFinder})
 * does so by construction, in the build whose pages are read here: an article's term window
 * holds no cited ID or cited title, and the citations of the site serve an article's list only
 * through the links of other articles (the articles like it vouch for what they cite or are
 * cited by), never its own: no link from or to the article, and no count that includes one.
 * {@code OwnLinksHiddenTest} checks that changing an article's links leaves its list as it was.
 *
 * <p>Options: {@code --sources DIR}, {@code --site DIR} (kb's site built from them),
 * {@code --out DIR}, optionally {@code --opensearch URL}. Writes {@code related-quality.txt}.
 */
public final class RelatedQualityBenchmark {

    private static final int LIST = 5;
    private static final String INDEX = "kbrelated";

    private RelatedQualityBenchmark() {
    }

    /** An article as read: its page's URL, what kb extracted, and the benchmark's view of it. */
    private record Read(String url, Article article, BenchArticle bench) {
    }

    /** The figures of one engine. */
    private record Measure(String engine, int articles, int withOne, double recall, double listLength) {

        String row() {
            return String.format(Locale.ROOT, "%-40s %9s %22s %12s %12s%n", engine, String.format(Locale.ROOT, "%,d", articles),
                    String.format(Locale.ROOT, "%.1f%% (%,d)", 100.0 * withOne / articles, withOne),
                    String.format(Locale.ROOT, "%.1f%%", 100 * recall), String.format(Locale.ROOT, "%.2f", listLength));
        }
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        Path out = args.path("out");
        Path site = args.path("site");
        Files.createDirectories(out);
        long t0 = System.nanoTime();
        List<Read> read = read(args.path("sources"));
        Map<String, Read> byId = new LinkedHashMap<>();
        read.forEach(r -> byId.putIfAbsent(r.article().id(), r));
        Map<String, Set<String>> linked = links(byId);
        SearchQualityBenchmark.log("%,d articles read, %,d with a citation link to or from another article of the site, in %.1f s",
                byId.size(), linked.size(), SearchQualityBenchmark.seconds(t0));

        List<Measure> measures = new ArrayList<>();
        measures.add(measure("kb (related articles on its pages)", linked,
                id -> relatedOnPage(site, byId.get(id).url())));
        if (args.optional("opensearch").isPresent()) {
            OpenSearchClient client = new OpenSearchClient(URI.create(args.required("opensearch")), INDEX);
            long t1 = System.nanoTime();
            client.createIndex();
            client.indexAll(read.stream().map(Read::bench).toList());
            SearchQualityBenchmark.log("OpenSearch: %,d articles indexed in %.1f s", client.count(), SearchQualityBenchmark.seconds(t1));
            MoreLikeThis mlt = new MoreLikeThis(client.base());
            measures.add(measure("OpenSearch more_like_this (title, body)", linked, mlt::similar));
        }

        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "related articles: %,d articles, %,d with a citation link to or from another (cited or citing: the related set)%n",
                byId.size(), linked.size()));
        table.append(String.format(Locale.ROOT, "%-40s %9s %22s %12s %12s%n", "engine", "articles", "list holds one of them",
                "recall (≤5)", "list length"));
        measures.forEach(m -> table.append(m.row()));
        System.out.print(table);
        Files.writeString(out.resolve("related-quality.txt"), table, StandardCharsets.UTF_8);
    }

    private static List<Read> read(Path sources) {
        List<Read> found = Collections.synchronizedList(new ArrayList<>());
        new ArticleReader().read(sources, new Diagnostics(), (page, extraction) -> {
            Article a = extraction.article();
            found.add(new Read(page.url(), a, new BenchArticle(a.id(), a.title(), a.displayTitle(), a.text(),
                    extraction.bodyText())));
        });
        List<Read> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparing((Read r) -> r.article().id()).thenComparing(Read::url));
        return sorted;
    }

    /** Per article, the other articles of the site it cites or that cite it (only articles that have some). */
    static Map<String, Set<String>> links(Map<String, Read> byId) {
        Map<String, Set<String>> linked = new TreeMap<>();
        for (Read r : byId.values()) {
            String from = r.article().id();
            for (Reference ref : r.article().references()) {
                String to = ref.id();
                if (!to.equals(from) && byId.containsKey(to)) {
                    linked.computeIfAbsent(from, k -> new LinkedHashSet<>()).add(to);
                    linked.computeIfAbsent(to, k -> new LinkedHashSet<>()).add(from);
                }
            }
        }
        return linked;
    }

    private static Measure measure(String engine, Map<String, Set<String>> linked, Function<String, List<String>> related)
            throws Exception {
        long t0 = System.nanoTime();
        List<String> ids = new ArrayList<>(linked.keySet());
        double[] recall = new double[ids.size()];
        int[] withOne = new int[ids.size()];
        int[] length = new int[ids.size()];
        ForkJoinPool pool = new ForkJoinPool(4);
        pool.submit(() -> IntStream.range(0, ids.size()).parallel().forEach(i -> {
            Set<String> truth = linked.get(ids.get(i));
            List<String> list = related.apply(ids.get(i));
            list = list.subList(0, Math.min(LIST, list.size()));
            long found = list.stream().filter(truth::contains).count();
            withOne[i] = found > 0 ? 1 : 0;
            recall[i] = (double) found / truth.size();
            length[i] = list.size();
        })).get();
        pool.shutdown();
        SearchQualityBenchmark.log("%s: %,d articles in %.1f s", engine, ids.size(), SearchQualityBenchmark.seconds(t0));
        return new Measure(engine, ids.size(), Arrays.stream(withOne).sum(), Arrays.stream(recall).average().orElse(0),
                Arrays.stream(length).average().orElse(0));
    }

    /** The IDs of the related articles an article's page lists, in order. */
    static List<String> relatedOnPage(Path site, String url) {
        Path page = site.resolve(url.replaceFirst("^/", "")).resolve("index.html");
        try {
            return Jsoup.parse(Files.readString(page)).select("section.kb-related li .kb-id").stream()
                    .map(Element::text).map(t -> t.replaceAll(":$", "")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }

    /** OpenSearch's {@code more_like_this} for an indexed article: the five most similar others. */
    private static final class MoreLikeThis {

        private final ObjectMapper json = new ObjectMapper();
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        private final URI search;

        MoreLikeThis(URI base) {
            this.search = base.resolve("/" + INDEX + "/_search");
        }

        List<String> similar(String id) {
            ObjectNode body = json.createObjectNode();
            body.put("size", LIST).put("_source", false);
            ObjectNode mlt = body.putObject("query").putObject("more_like_this");
            mlt.putArray("fields").add("title").add("body");
            mlt.putArray("like").addObject().put("_index", INDEX).put("_id", id);
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(search).timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("OpenSearch answered " + response.statusCode() + ": " + response.body());
                }
                List<String> ids = new ArrayList<>();
                for (JsonNode hit : json.readTree(response.body()).path("hits").path("hits")) {
                    ids.add(hit.path("_id").asText());
                }
                return ids;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
