package kb.related;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import kb.catalog.CatalogEntry;
import kb.diag.Diagnostics;
import kb.site.ArticleReader;

/**
 * The fast loop for tuning the related lists: reads a source tree once (or the profiles it saved
 * from an earlier run), then computes every article's list in-process with each tuning given and
 * prints what {@code bench/related-quality.sh} measures on the pages: for the articles with a
 * citation link to or from another article of the site, the share whose list holds one of
 * them, their recall in the list, and the list length. Profiles are made as the build makes
 * them (the window without citations, the catalog's citations, product codes and issue types),
 * and the finder hides each article's own links from its list, so the figures are honest.
 *
 * <p>Usage: {@code SOURCES CACHE [name=signatureTerms,minShare,neighbours,linkWeight,productWeight,kindWeight,titleWeight,minShareOfBest ...]};
 * with no tuning, the default and one tuning without each signal.
 */
public final class RelatedTuningBenchmark {

    private static final com.sun.management.OperatingSystemMXBean CPU =
            (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();

    private RelatedTuningBenchmark() {
    }

    public static void main(String[] argv) throws IOException {
        Path sources = Path.of(argv[0]);
        Path cache = Path.of(argv[1]);
        long t0 = System.nanoTime();
        Map<String, ArticleProfile> profiles = Files.isRegularFile(cache) ? load(cache) : read(sources, cache);
        System.out.printf(Locale.ROOT, "%,d profiles in %.1f s%n", profiles.size(), (System.nanoTime() - t0) / 1e9);
        Map<String, Set<String>> linked = links(profiles);
        Map<String, RelatedFinder.Tuning> tunings = new LinkedHashMap<>();
        RelatedFinder.Tuning d = RelatedFinder.Tuning.DEFAULT;
        if (argv.length <= 2) {
            tunings.put("default", d);
            tunings.put("words only", RelatedFinder.Tuning.WORDS);
            tunings.put("no citations", d.withCitations(0, 0f));
            tunings.put("no products", d.withProductWeight(0f));
            tunings.put("no kinds", d.withKindWeight(0f));
            tunings.put("no titles", d.withTitleWeight(0f));
            tunings.put("no best cut", d.withMinShareOfBest(0));
        }
        for (int i = 2; i < argv.length; i++) {
            String[] nameValues = argv[i].split("=", 2);
            String[] v = nameValues[1].split(",");
            tunings.put(nameValues[0], new RelatedFinder.Tuning(Integer.parseInt(v[0]), Double.parseDouble(v[1]), Double.parseDouble(v[7]), d.k1(), d.b(),
                    Integer.parseInt(v[2]), Float.parseFloat(v[3]), Float.parseFloat(v[4]), Float.parseFloat(v[5]), Float.parseFloat(v[6])));
        }
        System.out.printf(Locale.ROOT, "%-16s %9s %14s %8s %7s %7s %7s%n", "tuning", "articles", "holds one", "recall", "length", "time",
                "cpu");
        for (Map.Entry<String, RelatedFinder.Tuning> e : tunings.entrySet()) {
            long t1 = System.nanoTime();
            long cpu1 = CPU.getProcessCpuTime();
            RelatedLists lists = new RelatedFinder(e.getValue()).lists(profiles, 5);
            double seconds = (System.nanoTime() - t1) / 1e9;
            double cpu = (CPU.getProcessCpuTime() - cpu1) / 1e9;
            int withOne = 0;
            double recall = 0;
            long length = 0;
            for (Map.Entry<String, Set<String>> l : linked.entrySet()) {
                List<String> list = lists.of(l.getKey());
                long found = list.stream().filter(l.getValue()::contains).count();
                withOne += found > 0 ? 1 : 0;
                recall += (double) found / l.getValue().size();
                length += list.size();
            }
            System.out.printf(Locale.ROOT, "%-16s %9d %13.1f%% %7.1f%% %7.2f %6.1fs %6.1fs%n", e.getKey(), linked.size(),
                    100.0 * withOne / linked.size(), 100 * recall / linked.size(), (double) length / linked.size(), seconds, cpu);
        }
    }

    /** Per article, the other articles of the site it cites or that cite it (only articles that have some). */
    static Map<String, Set<String>> links(Map<String, ArticleProfile> profiles) {
        Map<String, Set<String>> linked = new TreeMap<>();
        profiles.forEach((from, p) -> {
            for (String to : p.cites()) {
                if (!to.equals(from) && profiles.containsKey(to)) {
                    linked.computeIfAbsent(from, k -> new HashSet<>()).add(to);
                    linked.computeIfAbsent(to, k -> new HashSet<>()).add(from);
                }
            }
        });
        return linked;
    }

    private static Map<String, ArticleProfile> read(Path sources, Path cache) throws IOException {
        record Found(String url, String id, ArticleProfile profile) {
        }
        List<Found> found = Collections.synchronizedList(new ArrayList<>());
        new ArticleReader().read(sources, new Diagnostics(), (page, extraction) -> {
            CatalogEntry e = CatalogEntry.of(extraction.article(), page.url());
            found.add(new Found(page.url(), e.id(), new ArticleProfile(TermWindow.of(extraction.article()), e.cites(),
                    e.productCodes(), e.kinds(), TermWindow.titleTerms(e.title()))));
        });
        List<Found> sorted = new ArrayList<>(found);
        sorted.sort(java.util.Comparator.comparing(Found::id).thenComparing(Found::url));
        Map<String, ArticleProfile> byId = new TreeMap<>();
        sorted.forEach(f -> byId.putIfAbsent(f.id(), f.profile()));
        Files.createDirectories(cache.toAbsolutePath().getParent());
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(cache)))) {
            out.writeInt(byId.size());
            for (Map.Entry<String, ArticleProfile> e : byId.entrySet()) {
                out.writeUTF(e.getKey());
                ArticleProfile p = e.getValue();
                strings(out, p.cites());
                strings(out, p.products());
                strings(out, p.kinds());
                strings(out, p.titleTerms());
                out.writeInt(p.window().size());
                for (int i = 0; i < p.window().size(); i++) {
                    out.writeUTF(p.window().term(i));
                    out.writeShort(p.window().freq(i));
                }
            }
        }
        return byId;
    }

    private static Map<String, ArticleProfile> load(Path cache) throws IOException {
        Map<String, ArticleProfile> byId = new TreeMap<>();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(cache)))) {
            int n = in.readInt();
            for (int a = 0; a < n; a++) {
                String id = in.readUTF();
                List<String> cites = strings(in);
                List<String> products = strings(in);
                List<String> kinds = strings(in);
                List<String> titleTerms = strings(in);
                int size = in.readInt();
                String[] terms = new String[size];
                short[] freqs = new short[size];
                for (int i = 0; i < size; i++) {
                    terms[i] = in.readUTF();
                    freqs[i] = in.readShort();
                }
                byId.put(id, new ArticleProfile(new TermWindow(terms, freqs), cites, products, kinds, titleTerms));
            }
        }
        return byId;
    }

    private static void strings(DataOutputStream out, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String v : values) {
            out.writeUTF(v);
        }
    }

    private static List<String> strings(DataInputStream in) throws IOException {
        int n = in.readInt();
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = in.readUTF();
        }
        return Arrays.asList(values);
    }
}
