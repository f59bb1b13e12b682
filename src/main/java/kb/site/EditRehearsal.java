package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.render.Theme;

/**
 * A writer's edit rehearsed on a small copy of a site, by the process that is to build the real
 * ones (the build daemon, at the end of its warm-up): a clean build of the copy, the warm-up a
 * daemon makes, then one article's text edited and put back twice, each change built as an edit
 * of the real site is.
 *
 * <p>Why: the warm-up's builds change nothing, so the code only an edit runs (reading, extracting,
 * laying out and indexing one article, its related list, the listings it is on) is still
 * interpreted when the writer's first edit comes. In a recording of a fresh daemon's first edits
 * on the archive, the first compiled 1,672 methods with C1 and 186 with C2 (2.4 s of compiling on
 * the edit's two cores) and took 1.4 s where the next took 0.8 s. The copy is enough to make that
 * code hot: its builds run the same methods, on the site's own articles, templates and
 * configuration.
 *
 * <p>It does not make hot what only a site of the real size runs long enough to compile: the loops
 * over every page or folder of the last build, which the first edits of the real site still
 * compile as they go.
 *
 * <p>Everything it writes is below its scratch folder, which it deletes: the real site's output,
 * index, state and spare folder are not touched. What the copy's builds report goes to the
 * collector the caller gives (the daemon counts it in its log: the real builds report the same
 * articles).
 */
public final class EditRehearsal {

    /**
     * Articles copied: enough for each page's methods to be compiled in the copy's clean
     * build (C2 compiles a method after some thousands of calls), a second or two of building.
     */
    static final int PAGES = 240;

    /** A page source: the kinds of file a site's pages are written in. */
    private static final Pattern PAGE = Pattern.compile(".*\\.(md|markdown|html)$");

    /** A word a writer might mistype: five lower-case letters or more, after the front matter. */
    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])[a-z]{5,}(?![A-Za-z])");

    private final BuildOptions site;
    private final Path scratch;

    /**
     * @param site    the options of the real site's builds (its source folder is copied from)
     * @param scratch a folder of kb's own that holds nothing else; emptied first, deleted after
     */
    EditRehearsal(BuildOptions site, Path scratch) {
        this.site = site;
        this.scratch = scratch;
    }

    /**
     * What a rehearsal did.
     *
     * @param pages        the pages of the copy's clean build
     * @param editsWritten the files each build of an edit wrote, in order (the typo, the text again, twice)
     */
    public record Rehearsed(int pages, List<Integer> editsWritten) {

        public Rehearsed {
            editsWritten = List.copyOf(editsWritten);
        }
    }

    /**
     * Copies the site's configuration and data (the files and folders at the top whose name starts
     * with {@code _}, but {@code _site}; of the pages in them only layouts and includes) and its
     * first {@link #PAGES} articles in path order, builds the copy and rehearses the edits, then
     * deletes the copy. Its other pages (a site's listings can link every article) and assets are
     * left out. Nothing happens when no article has a word to edit.
     *
     * @param articles the real site's articles, by source path relative to its source folder, with
     *                 their summaries (as the last build's catalog has them)
     * @param diagnostics what the copy's builds report (of the copy's files: a page the copy lacks,
     *                    say, is not the real site's problem)
     * @return what was rehearsed, if anything
     * @throws UncheckedIOException when the scratch folder cannot be written or deleted
     */
    Optional<Rehearsed> run(Map<String, String> articles, Diagnostics diagnostics) {
        try {
            clear();
            Path source = scratch.resolve("source");
            List<String> copied = copySite(articles.keySet(), source);
            // From the middle on: the first pages in path order are often a site's odd ones out.
            Optional<Edit> edit = java.util.stream.Stream.concat(copied.subList(copied.size() / 2, copied.size()).stream(),
                    copied.subList(0, copied.size() / 2).stream())
                    .map(rel -> editOf(source.resolve(rel), articles.get(rel))).flatMap(Optional::stream).findFirst();
            if (edit.isEmpty()) {
                return Optional.empty();
            }
            BuildOptions copy = new BuildOptions(source, scratch.resolve("site"), scratch.resolve("index"),
                    Theme.folder(site.templates(), site.source()),
                    site.baseUrl(), site.strict(), false);
            SiteBuilder builder = SiteBuilder.rehearsing();
            try {
                BuildOptions clean = new BuildOptions(copy.source(), copy.dest(), copy.index(), copy.templates(),
                        copy.baseUrl(), copy.strict(), true);
                int made = builder.build(clean, diagnostics).pages();
                builder.warmUp(copy, diagnostics);
                List<Integer> written = new ArrayList<>();
                for (String text : edit.get().versions()) {
                    Files.writeString(edit.get().file(), text, StandardCharsets.ISO_8859_1);
                    written.add(builder.build(copy, diagnostics).written());
                }
                return Optional.of(new Rehearsed(made, written));
            } finally {
                builder.close();
                builder.awaitDeletion(); // else it would delete files of the copy while the copy is deleted
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rehearse an edit in " + scratch, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } finally {
            try {
                clear();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete " + scratch, e);
            }
        }
    }

    private void clear() throws IOException {
        if (Files.exists(scratch, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            OutputFolder.deleteTree(scratch);
        }
    }

    /** Copies the configuration, data and first articles (see {@link #run}); returns the articles copied. */
    private List<String> copySite(Set<String> articles, Path target) throws IOException {
        Path root = site.source();
        // The configuration and data, as they are on disk: a build reads includes and data
        // files when a page asks for them, and its state does not list them.
        List<String> settings = new ArrayList<>();
        try (java.util.stream.Stream<Path> top = Files.list(root)) {
            for (Path entry : top.sorted().toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith("_") || name.equals("_site")) {
                    continue; // a page, an asset or a folder of them; or Jekyll's own output
                }
                if (Files.isRegularFile(entry) && !PAGE.matcher(name).matches()) {
                    settings.add(name);
                } else if (Files.isDirectory(entry)) {
                    try (java.util.stream.Stream<Path> below = Files.walk(entry)) {
                        below.filter(Files::isRegularFile).map(file -> root.relativize(file).toString().replace('\\', '/'))
                                .filter(rel -> !PAGE.matcher(rel).matches() || rel.startsWith("_layouts/")
                                        || rel.startsWith("_includes/"))
                                .sorted().forEach(settings::add);
                    }
                }
            }
        }
        for (String rel : settings) {
            copyFile(rel, target);
        }
        List<String> pages = new ArrayList<>();
        for (String rel : articles.stream().sorted().limit(PAGES).toList()) {
            if (copyFile(rel, target)) {
                pages.add(rel);
            }
        }
        return pages;
    }

    /** Copies one file of the site's source folder; false when it is gone, not a path of that folder, or copied already. */
    private boolean copyFile(String rel, Path target) throws IOException {
        Path from = site.source().resolve(rel);
        Path to = target.resolve(rel).normalize();
        if (!to.startsWith(target) || !Files.isRegularFile(from) || Files.exists(to)) {
            return false;
        }
        Files.createDirectories(to.getParent());
        Files.copy(from, to);
        return true;
    }

    /** A page's text, a typo in it, and back: what the rehearsal writes in turn. */
    private record Edit(Path file, List<String> versions) {
    }

    /**
     * The edits of an article with words to mistype after its front matter (bytes read as
     * ISO-8859-1, so that any encoding is written back as it was): a word of its summary gets its
     * first letter doubled (the summary shows on listings and citing pages, which an edit then
     * lays out again), the text is put back, the same for a word halfway down, the text again.
     */
    private static Optional<Edit> editOf(Path page, String summary) {
        String text;
        try {
            text = Files.readString(page, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            return Optional.empty();
        }
        int body = text.startsWith("---") ? text.indexOf("\n---", 3) : 0;
        Matcher word = WORD.matcher(text);
        if (body < 0 || !word.find(body)) {
            return Optional.empty();
        }
        int first = summaryWord(text, body, summary).orElse(word.start());
        int middle = word.find(first + (text.length() - first) / 2) ? word.start() : first;
        return Optional.of(new Edit(page, List.of(typo(text, first), text, typo(text, middle), text)));
    }

    /** Where a word of the summary is in the text: the first that occurs once after {@code body}. */
    private static Optional<Integer> summaryWord(String text, int body, String summary) {
        Matcher words = WORD.matcher(summary);
        while (words.find()) {
            Matcher in = Pattern.compile("(?<![A-Za-z])" + words.group() + "(?![A-Za-z])").matcher(text);
            if (in.find(body)) {
                int at = in.start();
                if (!in.find()) {
                    return Optional.of(at);
                }
            }
        }
        return Optional.empty();
    }

    private static String typo(String text, int at) {
        return text.substring(0, at + 1) + text.substring(at);
    }
}
