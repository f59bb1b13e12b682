package kb.check;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import kb.diag.Diagnostic;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.Severity;
import kb.diag.SourcePosition;

/**
 * Turns broken links into diagnostics at the place an author can fix them: the source file and
 * line that hold the link (found by searching the link's text in the source, as written or without
 * the base URL the build put in front), else the output file and line, naming the layout or
 * template that wrote it. A link a template wrote is broken on every page of that template: it is
 * reported once, with the number of other pages.
 */
final class BrokenLinkReport {

    private final Path site;
    private final Path pages;
    private final SourceManifest manifest;

    /** Reports links of the site at {@code site}, whose pages are read from {@code pages} (the same, or the new site not yet in place). */
    BrokenLinkReport(Path site, Path pages, SourceManifest manifest) {
        this.site = site;
        this.pages = pages;
        this.manifest = manifest;
    }

    /** A broken link not found in its page's source: reported once per link and problem. */
    private record Unplaced(SourcePosition at, String message, String template) {
    }

    void report(List<SiteChecker.Broken> broken, Severity severity, Diagnostics diagnostics) {
        Map<String, List<SiteChecker.Broken>> byPage = new TreeMap<>();
        for (SiteChecker.Broken b : broken) {
            byPage.computeIfAbsent(b.page(), p -> new ArrayList<>()).add(b);
        }
        Map<String, List<Unplaced>> unplaced = new LinkedHashMap<>();
        byPage.forEach((page, list) -> {
            list.sort(Comparator.comparingInt(b -> b.link().offset()));
            String html = SiteChecker.read(pages.resolve(page));
            Optional<SourceManifest.Origin> origin = Optional.ofNullable(manifest.pages().get(page));
            Optional<Path> sourceFile = manifest.sourceFile(site, page).filter(Files::isRegularFile);
            String source = sourceFile.map(SiteChecker::read).orElse("");
            Map<String, Integer> seen = new HashMap<>();
            for (SiteChecker.Broken b : list) {
                String written = html.substring(b.link().offset(), b.link().offset() + b.link().length());
                int nth = seen.merge(written, 1, Integer::sum) - 1;
                String message = "broken " + (b.anchor() ? "anchor" : "link") + " '" + written + "': " + b.why();
                int at = sourceFile.isPresent() ? find(source, nth, candidates(written, b.link().url())) : -1;
                if (at >= 0) {
                    diagnostics.report(new Diagnostic(severity,
                            SourcePosition.at(Display.of(sourceFile.get()), source, at, 1), message));
                } else {
                    String template = origin.map(o -> o.source().isPresent() ? o.template() + ".ftlh" : o.template())
                            .orElse("");
                    SourcePosition output = SourcePosition.at(Display.of(site.resolve(page)), html, b.link().offset(), 1);
                    unplaced.computeIfAbsent(written + "\n" + b.why(), k -> new ArrayList<>())
                            .add(new Unplaced(output, message, template));
                }
            }
        });
        unplaced.values().forEach(group -> {
            Unplaced first = group.getFirst();
            List<String> notes = new ArrayList<>();
            List<String> templates = group.stream().map(Unplaced::template).filter(t -> !t.isEmpty()).distinct().toList();
            if (!templates.isEmpty()) {
                notes.add("written by the template" + (templates.size() == 1 ? " " : "s ") + String.join(", ", templates));
            }
            if (group.size() > 1) {
                notes.add("also on " + (group.size() - 1) + " other " + (group.size() == 2 ? "page" : "pages"));
            }
            String note = notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
            diagnostics.report(new Diagnostic(severity, first.at(), first.message() + note));
        });
    }

    /** The texts the source may hold the link as: as written, decoded, without the base URL. */
    private List<String> candidates(String written, String decoded) {
        List<String> texts = new ArrayList<>(List.of(written));
        String base = manifest.baseurl().endsWith("/")
                ? manifest.baseurl().substring(0, manifest.baseurl().length() - 1) : manifest.baseurl();
        for (String t : List.of(written, decoded)) {
            if (!texts.contains(t)) {
                texts.add(t);
            }
            if (!base.isEmpty() && t.startsWith(base + "/")) {
                texts.add(t.substring(base.length()));
            }
        }
        return texts;
    }

    /**
     * Where the {@code nth} occurrence (0-based; the last one if there are fewer) of the first
     * candidate the source holds as a whole link starts, or -1.
     */
    private static int find(String source, int nth, List<String> candidates) {
        for (String text : candidates) {
            int at = next(source, text, 0);
            if (at < 0) {
                continue;
            }
            for (int i = 0; i < nth; i++) {
                int later = next(source, text, at + text.length());
                if (later < 0) {
                    break;
                }
                at = later;
            }
            return at;
        }
        return -1;
    }

    /**
     * The next place the text stands as a whole link, between delimiters such as {@code (x)},
     * {@code "x"}, {@code <x>} or {@code [r]: x}: a short link ({@code #a}) must not match a word.
     */
    private static int next(String source, String text, int from) {
        if (text.isEmpty()) {
            return -1;
        }
        int at = source.indexOf(text, from);
        while (at >= 0) {
            int end = at + text.length();
            boolean before = at == 0 || BEFORE.indexOf(source.charAt(at - 1)) >= 0;
            boolean after = end == source.length() || AFTER.indexOf(source.charAt(end)) >= 0;
            if (before && after) {
                return at;
            }
            at = source.indexOf(text, at + 1);
        }
        return -1;
    }

    private static final String BEFORE = "(\"'<= \t\n";
    private static final String AFTER = ")\"'> \t\r\n";
}
