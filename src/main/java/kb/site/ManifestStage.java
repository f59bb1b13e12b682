package kb.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kb.check.SourceManifest;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;
import kb.outputs.BrowsePages;
import kb.render.LayoutRenderer;

/** The manifest stage: the source manifest that {@code kb check} names pages' sources by. */
final class ManifestStage {

    private ManifestStage() {
    }

    /**
     * Writes the source of every page, for {@code kb check} to name the file and line of a broken
     * link (generated pages name their template), through {@code out}, whose outputs {@code keep}
     * shows; the {@code last} build's manifest is kept when that build had the same outputs and
     * pages ({@code lastPages}). {@code last} is of the build {@code out} counts the outputs of
     * ({@link OutputWriter#onlyOutputsOfLast}).
     */
    static Written write(BuildOptions options, SiteConfig config, SitePlan plan, Set<String> keep, OutputWriter out,
            Written last, List<PlannedPage> lastPages, Diagnostics diagnostics) {
        // The last build's manifest, when made of the same pages and outputs: not made again.
        if (last != null && last.outputs().size() == keep.size() + 1
                && (out.onlyOutputsOfLast() || last.outputs().containsAll(keep))
                && samePlaces(plan.pages(), lastPages) && out.keepAsBefore(SourceManifest.FILE, diagnostics)) {
            return new Written(last.manifest(), keep);
        }
        Map<String, SourceManifest.Origin> origins = new LinkedHashMap<>();
        for (PlannedPage page : plan.pages()) {
            origins.put(page.outputPath(), SourceManifest.Origin.page(page.source().relativePath(),
                    page.frontMatter().layout().orElse(LayoutRenderer.FALLBACK_LAYOUT)));
        }
        for (String path : keep) {
            if (path.endsWith(".html") && !origins.containsKey(path)) {
                origins.put(path, SourceManifest.Origin.generated(generatedTemplate(path)));
            }
        }
        SourceManifest manifest = SourceManifest.of(config.baseurl(), config.url(), options.source(), options.dest(), origins);
        out.write(SourceManifest.FILE, manifest.text(), 0, List.of());
        return new Written(manifest, keep);
    }

    /** A source manifest, with every output of the build that wrote it (itself included). */
    record Written(SourceManifest manifest, Set<String> outputs) {
    }

    /** Whether two plans' pages come from the same sources through the same layouts to the same outputs. */
    private static boolean samePlaces(List<PlannedPage> a, List<PlannedPage> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            PlannedPage x = a.get(i);
            PlannedPage y = b.get(i);
            if (!x.outputPath().equals(y.outputPath()) || !x.source().relativePath().equals(y.source().relativePath())
                    || (x.frontMatter() != y.frontMatter() && !x.frontMatter().layout().equals(y.frontMatter().layout()))) {
                return false;
            }
        }
        return true;
    }

    /** The template a generated page comes from, for kb check's messages (GeneratedFile does not say). */
    private static String generatedTemplate(String path) {
        if (path.equals(SearchAssets.SEARCH_PAGE)) {
            return SearchAssets.SEARCH_TEMPLATE + ".ftlh";
        }
        if (path.equals("index.html") || path.equals(BrowsePages.HUB_URL.substring(1) + "index.html")) {
            return "browse.ftlh";
        }
        if (path.startsWith(BrowsePages.HUB_URL.substring(1))) {
            return "listing.ftlh";
        }
        return path.equals("404.html") ? "404.ftlh" : "redirect page (built in)";
    }
}
