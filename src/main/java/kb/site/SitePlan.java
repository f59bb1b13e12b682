package kb.site;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a build will write, decided before anything is written.
 *
 * @param pages       the pages to render, by source path
 * @param copies      files to copy verbatim: output path -> file
 * @param articleUrls the URL of every article page by article ID ({@code Q319864})
 * @param listedCodes the product codes of the listing pages that link a page, by the page's URL
 * @param listings    the URL of each product code's listing page, by code
 * @param sources     what the planner knows of every source file, by path below the source folder
 * @param unpublished the documents of collections without output: no page, but Liquid lists them
 * @param siteKey     0, or for a site using Jekyll's site model a fingerprint of every source (every page may read every other)
 * @param tree        the source files and folders the scan found, for the next build's scan to start from
 * @param placement   what placing the pages reported (claimed URLs, duplicate IDs, listings read), for a
 *                    plan patched from this one to report again
 * @param patched     when the plan is the last build's plan with the records of some sources
 *                    new (their pages placed as before), those sources' paths; empty when the
 *                    plan was made anew
 * @param outputs     every output path of the build (its pages' and copies'), found from them when
 *                    null; a patched plan's are the last plan's
 */
public record SitePlan(List<PlannedPage> pages, Map<String, Path> copies, Map<String, String> articleUrls,
        Map<String, List<String>> listedCodes, Map<String, String> listings,
        Map<String, kb.state.SourceRecord> sources, long siteKey, List<PlannedPage> unpublished,
        kb.source.SourceTree tree, List<kb.diag.Diagnostic> placement, java.util.Optional<java.util.Set<String>> patched,
        java.util.Set<String> outputs) {

    /** A plan whose {@link #outputs} are found from its pages and copies. */
    public SitePlan(List<PlannedPage> pages, Map<String, Path> copies, Map<String, String> articleUrls,
            Map<String, List<String>> listedCodes, Map<String, String> listings,
            Map<String, kb.state.SourceRecord> sources, long siteKey, List<PlannedPage> unpublished,
            kb.source.SourceTree tree, List<kb.diag.Diagnostic> placement, java.util.Optional<java.util.Set<String>> patched) {
        this(pages, copies, articleUrls, listedCodes, listings, sources, siteKey, unpublished, tree, placement, patched, null);
    }

    public SitePlan {
        pages = List.copyOf(pages);
        copies = Map.copyOf(copies);
        articleUrls = Map.copyOf(articleUrls);
        listedCodes = Map.copyOf(listedCodes);
        listings = Map.copyOf(listings);
        sources = kb.collect.Frozen.copyOf(sources); // a patched plan's: the last plan's with a few replaced
        unpublished = List.copyOf(unpublished);
        java.util.Objects.requireNonNull(tree, "tree");
        placement = List.copyOf(placement);
        patched = patched.map(java.util.Set::copyOf);
        if (outputs == null) {
            java.util.Set<String> all = new java.util.HashSet<>(copies.keySet());
            pages.forEach(p -> all.add(p.outputPath()));
            outputs = java.util.Set.copyOf(all);
        }
    }

    /** The source's folders as the scan found them, for the next build's scan. */
    public kb.source.SourceFolders folders() {
        return tree.folders();
    }

}
