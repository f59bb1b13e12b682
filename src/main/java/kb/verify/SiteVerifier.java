package kb.verify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Severity;
import kb.site.ArticleReader;
import kb.extract.ArticleExtractor;
import kb.extract.ArticleSource;
import kb.extract.Extraction;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Compares a site with a reference build of the same sources (a Jekyll {@code _site}): every
 * reference HTML page must exist at the same URL in ours, with the same title words, and the
 * words of its content area must appear in our page in the same order. Pages are compared in
 * parallel; thread-safe.
 */
public final class SiteVerifier {

    private static final int CONTEXT_WORDS = 8;

    private final String selector;
    private final List<String> ignore;
    private final ArticleExtractor extractor = new ArticleExtractor();
    private final ArticleCheck checks = new ArticleCheck();

    /**
     * @param selector the reference's content area ({@code #main_content})
     * @param ignore   selectors of reference parts to leave out (a layout's disclaimer)
     */
    public SiteVerifier(String selector, List<String> ignore) {
        this.selector = selector;
        this.ignore = List.copyOf(ignore);
    }

    /**
     * Compares every HTML page below {@code reference} with the page at the same path in
     * {@code site}; what reading the reference's articles finds is reported to {@code diagnostics}.
     */
    public VerifyReport verify(Path site, Path reference, Diagnostics diagnostics) {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(reference)) {
            pages = files.filter(p -> p.toString().endsWith(".html") && Files.isRegularFile(p)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the reference folder " + reference, e);
        }
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        List<VerifyReport.Mismatch> titles = Collections.synchronizedList(new ArrayList<>());
        List<VerifyReport.Mismatch> texts = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger articles = new AtomicInteger();
        pages.parallelStream().forEach(refFile -> {
            String rel = reference.relativize(refFile).toString().replace('\\', '/');
            String url = urlOf(rel);
            Optional<Path> ours = counterpart(site, rel);
            if (ours.isEmpty()) {
                missing.add(url);
                return;
            }
            Document ref = parse(refFile);
            Document our = parse(ours.get());
            compare(url, ref, our, titles, texts, articles, diagnostics);
        });
        return new VerifyReport(pages.size(), articles.get(), sorted(missing), sortedMismatches(titles),
                sortedMismatches(texts));
    }

    private void compare(String url, Document ref, Document our, List<VerifyReport.Mismatch> titles,
            List<VerifyReport.Mismatch> texts, AtomicInteger articles, Diagnostics diagnostics) {
        List<String> refTitle = Words.of(ref.title());
        List<String> ourTitle = Words.of(our.title());
        if (!refTitle.equals(ourTitle)) {
            titles.add(new VerifyReport.Mismatch(url, ref.title(), our.title()));
        }
        Element area = ref.selectFirst(selector);
        if (area == null) {
            texts.add(new VerifyReport.Mismatch(url, "(reference has no element matching " + selector + ")", ""));
            return;
        }
        for (String drop : ignore) {
            area.select(drop).remove();
        }
        Optional<Extraction> article = referenceArticle(url, ref, area, diagnostics);
        if (article.isPresent()) {
            checks.check(article.get(), our).ifPresent(p -> texts.add(new VerifyReport.Mismatch(url,
                    p.kind() + ": " + p.expected(), p.actual())));
            articles.incrementAndGet();
            return;
        }
        List<String> expected = Words.of(area.text());
        List<String> actual = Words.of(our.body() == null ? "" : our.body().text());
        int[] upTo = {0};
        int bad = Words.firstUnmatched(expected, actual, upTo);
        if (bad >= 0) {
            texts.add(new VerifyReport.Mismatch(url, window(expected, bad), window(actual, upTo[0])));
        }
    }

    static String window(List<String> words, int from) {
        return String.join(" ", words.subList(Math.min(from, words.size()),
                Math.min(words.size(), from + CONTEXT_WORDS)));
    }

    /**
     * Checks every KB article of a source tree against our page for it: fields equal, every
     * field value shown, every body word in order. Pages that are not articles are not checked.
     * Problems in the sources are reported to {@code diagnostics}, as a build reports them, and
     * every source with an error counts as not read (a broken front matter hides whether the file
     * is an article at all): the check cannot pass while one is left.
     */
    public VerifyReport verifySources(Path site, Path source, Diagnostics diagnostics) {
        List<String> missing = Collections.synchronizedList(new ArrayList<>());
        List<VerifyReport.Mismatch> texts = Collections.synchronizedList(new ArrayList<>());
        Set<String> extracted = ConcurrentHashMap.newKeySet();
        // What this reading reports, apart from what the caller's collector held before.
        Diagnostics reading = diagnostics.child();
        new ArticleReader().read(source, reading, (page, extraction) -> {
            extracted.add(page.source().displayName());
            Path ours = site.resolve(page.outputPath());
            if (!Files.isRegularFile(ours)) {
                missing.add(page.url());
                return;
            }
            checks.check(extraction, parse(ours)).ifPresent(p -> texts.add(new VerifyReport.Mismatch(page.url(),
                    p.kind() + ": " + p.expected(), p.actual())));
        });
        Map<String, Diagnostic> unread = new TreeMap<>();
        for (Diagnostic d : reading.sorted()) {
            if (d.severity() == Severity.ERROR) {
                unread.putIfAbsent(d.at().file(), d);
            }
        }
        Set<String> checked = new HashSet<>(extracted);
        checked.addAll(unread.keySet());
        return new VerifyReport(checked.size(), extracted.size(), sorted(missing), List.of(),
                sortedMismatches(texts), List.copyOf(unread.values()));
    }

    /**
     * The KB article a reference page shows: Jekyll printed the article text as one
     * {@code <pre>} under an {@code <h2>} title.
     */
    private Optional<Extraction> referenceArticle(String url, Document ref, Element area,
            Diagnostics diagnostics) {
        for (Element pre : area.select("pre")) {
            String text = pre.wholeText();
            if (text.stripLeading().startsWith("Article:")) {
                Element h = area.selectFirst("h1, h2");
                String title = h != null ? h.text() : ref.title();
                return extractor.extract(new ArticleSource(url, 1, title, text, Map.of(), url, List.of()),
                        diagnostics);
            }
        }
        return Optional.empty();
    }

    /** {@code kb/010/Q10834/index.html} -> {@code /kb/010/Q10834/}. */
    static String urlOf(String relativePath) {
        if (relativePath.equals("index.html")) {
            return "/";
        }
        return "/" + (relativePath.endsWith("/index.html")
                ? relativePath.substring(0, relativePath.length() - "index.html".length())
                : relativePath);
    }

    /** Our file for a reference file: the same path, or the other spelling of the same URL. */
    private static Optional<Path> counterpart(Path site, String rel) {
        Path same = site.resolve(rel);
        if (Files.isRegularFile(same)) {
            return Optional.of(same);
        }
        String other = rel.endsWith("/index.html")
                ? rel.substring(0, rel.length() - "/index.html".length()) + ".html"
                : rel.substring(0, rel.length() - ".html".length()) + "/index.html";
        Path alt = site.resolve(other);
        return Files.isRegularFile(alt) ? Optional.of(alt) : Optional.empty();
    }

    private static Document parse(Path file) {
        try {
            return Jsoup.parse(file.toFile(), "UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static List<String> sorted(List<String> list) {
        List<String> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }

    private static List<VerifyReport.Mismatch> sortedMismatches(List<VerifyReport.Mismatch> list) {
        List<VerifyReport.Mismatch> copy = new ArrayList<>(list);
        copy.sort(java.util.Comparator.comparing(VerifyReport.Mismatch::url));
        return copy;
    }
}
