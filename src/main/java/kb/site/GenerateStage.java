package kb.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import kb.catalog.Catalog;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import kb.outputs.GeneratedFile;
import kb.state.Fingerprint;
import kb.state.GeneratedFiles;

/**
 * The stage that writes what the build generates from the catalog rather than from sources
 * ({@link GeneratedOutputs}: listings, feeds, sitemaps, short links, redirect pages) and the
 * search files; or, when the site is as in the last build ({@link UnchangedSite}), keeps what the
 * last build generated, but for the files that show an article whose summary changed, which it
 * makes again.
 */
final class GenerateStage {

    private final Setup setup;
    /** What every page's or file's layout depends on ({@link Setup#fingerprint()}), worked out once. */
    private final long layoutKey;
    private final SitePlan plan;
    private final Catalog catalog;
    private final Set<String> known;
    private final OutputWriter out;
    private final Runnable checkpoint;

    /**
     * @param known      the files known to be written, which the link check settles links against:
     *                   this stage adds what it generates
     * @param checkpoint run before each generated file is written or kept (it throws to stop the build)
     */
    GenerateStage(Setup setup, SitePlan plan, Catalog catalog, Set<String> known, OutputWriter out,
            Runnable checkpoint) {
        this.checkpoint = checkpoint;
        this.setup = setup;
        this.layoutKey = setup.fingerprint();
        this.plan = plan;
        this.catalog = catalog;
        this.known = known;
        this.out = out;
    }

    /**
     * Generates everything; or, when {@code before} is given (the site has the last build's
     * shape: see {@link UnchangedSite}), keeps the files the last build generated as they are, and
     * reports again what generating them reported, but for those that show one of the articles
     * {@code retold} (whose summaries changed), which are made again. Returns what was generated
     * or kept.
     */
    GeneratedFiles run(Optional<GeneratedFiles> before, Set<String> retold, Diagnostics diagnostics) {
        // The paths that become outputs from here on: what this stage generates (or keeps).
        Set<String> generated = out.collectNewPaths();
        if (before.isPresent()
                && (retold.isEmpty() || retold.size() <= MAX_RETOLD && before.get().diagnostics().isEmpty())) {
            GeneratedFiles last = before.get();
            known.addAll(last.paths());
            Optional<Remade> remade = retold.isEmpty() ? Optional.of(new Remade(Set.of(), List.of()))
                    : remake(retold, last, diagnostics);
            if (remade.isPresent() && last.paths().stream()
                    .allMatch(path -> remade.get().paths().contains(path) || out.keepAsBefore(path, diagnostics))) {
                remade.get().files().forEach(this::write);
                last.diagnostics().forEach(diagnostics::report);
                return last;
            }
            // The output folder lost one, or making one again went otherwise than last time:
            // everything is generated again (what was kept is written over).
        }
        Diagnostics own = diagnostics.child();
        int count = generate(own);
        List<String> paths = generated.stream().sorted().toList();
        return new GeneratedFiles(paths, count, own.reported());
    }

    /**
     * The most articles whose summaries changed for which only what shows them is made again: the
     * pages made are held in memory until the rest is known to be kept (about ten per article).
     * Beyond it (an edit of many articles' first lines at once), everything is generated, which
     * also keeps what is as it was.
     */
    static final int MAX_RETOLD = 100;

    /**
     * Generated files made again in memory: {@code files}, to write, and {@code paths}, theirs
     * and those of the files kept as they were made from the same inputs.
     */
    private record Remade(Set<String> paths, List<GeneratedFile> files) {
    }

    /**
     * Makes again, in memory, the generated files that show one of the articles {@code retold};
     * empty when that reported anything or made a file the last build did not generate (then
     * everything is generated, so that what this build reports is what a clean one would). They
     * are written only once every other file is known to be kept: a build that generates
     * everything after all would write them again, and count and check each twice.
     */
    private Optional<Remade> remake(Set<String> retold, GeneratedFiles last, Diagnostics diagnostics) {
        GeneratedOutputs generated = new GeneratedOutputs(plan, catalog, setup.config(), setup.layouts(), setup.site());
        Diagnostics own = diagnostics.child();
        List<GeneratedFile> files = java.util.Collections.synchronizedList(new ArrayList<>());
        Set<String> paths = generated.writeShowing(retold, plan.outputs(), own, sink(own, files::add));
        return own.reported().isEmpty() && last.paths().containsAll(paths)
                ? Optional.of(new Remade(paths, List.copyOf(files))) : Optional.empty();
    }

    /** The generated pages and files, and the search files; how many generated files (search files not counted). */
    private int generate(Diagnostics diagnostics) {
        GeneratedOutputs generated = new GeneratedOutputs(plan, catalog, setup.config(), setup.layouts(), setup.site());
        known.addAll(generated.outputs());
        Set<String> taken = ConcurrentHashMap.newKeySet();
        taken.addAll(plan.outputs());
        int count = generated.write(taken, diagnostics, sink(diagnostics, this::write));
        writeSearchFiles(catalog.entries().stream().map(e -> new SearchAssets.Entry(e.id(), e.title(), e.url())).toList(),
                diagnostics);
        return count;
    }

    /**
     * Where generated files go: to {@code made} (written, or held to write later), or kept when
     * made from the same inputs, under the same theme, as in the last build.
     */
    private GeneratedFile.Sink sink(Diagnostics diagnostics, java.util.function.Consumer<GeneratedFile> made) {
        return new GeneratedFile.Sink() {
            @Override
            public void accept(GeneratedFile file) {
                checkpoint.run();
                made.accept(file);
            }

            @Override
            public boolean keep(String path, long inputs) {
                checkpoint.run();
                return out.keep(path, styled(inputs), diagnostics);
            }
        };
    }

    /** Writes a generated file, its inputs {@linkplain #styled styled}. */
    private void write(GeneratedFile file) {
        out.write(file.path(), file.content(), styled(file.inputs()), file.reported());
    }

    /**
     * A generated file's inputs with the theme's and configuration's fingerprint: what it shows
     * of the site is kept only when laid out by the same templates (a theme change lays it out
     * again). Inputs 0 (made at every build) stay 0.
     */
    private long styled(long inputs) {
        return inputs == 0 ? 0 : new Fingerprint().add(inputs).add(layoutKey).value();
    }

    /**
     * The search page, the static search index, the OpenSearch description, the site facts for
     * {@code kb serve}, the ID index of short links and the 404 page through the theme, unless the
     * site has these itself (the site's own file wins).
     */
    private void writeSearchFiles(List<SearchAssets.Entry> entries, Diagnostics diagnostics) {
        SearchAssets search = new SearchAssets(setup.config());
        List<SearchAssets.Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(SearchAssets.Entry::url));
        // The static index and the ID index follow from each article's ID, title and URL only:
        // kept while those are (an edit of an article's text changes neither).
        Fingerprint shown = new Fingerprint().add(sorted.size());
        sorted.forEach(e -> shown.add(e.id()).add(e.title()).add(e.url()));
        long inputs = shown.value();
        Map<String, Supplier<String>> byEntries = new LinkedHashMap<>();
        byEntries.put(SearchAssets.STATIC_INDEX, () -> search.staticIndexJson(sorted));
        byEntries.put(SearchAssets.ID_INDEX, () -> new ArticleIdIndex(setup.config()).json(sorted));
        byEntries.forEach((path, text) -> {
            if (!out.has(path) && !out.keep(path, inputs, diagnostics)) {
                out.write(path, text.get(), inputs, List.of());
            }
        });
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SearchAssets.OPENSEARCH, search.openSearchXml());
        files.put(SearchAssets.SITE_JSON, search.siteJson());
        // A page whose template failed is reported and not written.
        setup.layouts().renderComplete(Optional.of(SearchAssets.SEARCH_TEMPLATE), setup.site(),
                search.searchPageVariables(), "", SourcePosition.of("search.ftlh"), diagnostics)
                .ifPresent(page -> files.put(SearchAssets.SEARCH_PAGE, page));
        setup.layouts().renderComplete(Optional.of(SearchAssets.NOT_FOUND_TEMPLATE), setup.site(),
                search.notFoundPageVariables(), "", SourcePosition.of("404.ftlh"), diagnostics)
                .ifPresent(page -> files.put(SearchAssets.NOT_FOUND_PAGE, page));
        files.forEach((path, text) -> {
            if (!out.has(path)) {
                out.write(path, text, 0, List.of());
            }
        });
    }
}
