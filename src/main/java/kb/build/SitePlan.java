package kb.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything a build will write, decided before anything is written.
 *
 * @param pages  the pages to render, by source path
 * @param copies files to copy verbatim: output path -> file
 */
public record SitePlan(List<PlannedPage> pages, Map<String, Path> copies) {

    public SitePlan {
        pages = List.copyOf(pages);
        copies = Map.copyOf(copies);
    }

    /** Every output path of the build. */
    public java.util.Set<String> outputs() {
        java.util.Set<String> all = new java.util.HashSet<>(copies.keySet());
        pages.forEach(p -> all.add(p.outputPath()));
        return all;
    }
}
