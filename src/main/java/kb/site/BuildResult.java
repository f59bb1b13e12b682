package kb.site;

/**
 * What a build did.
 *
 * @param pages       pages rendered and written
 * @param generated   pages and files generated from the catalog (hub, listings, feeds, sitemaps, ...)
 * @param filesCopied static files copied (the source's and the theme's)
 * @param brokenLinks internal links that lead nowhere (each also a warning)
 * @param citationsOutside citations of articles the site does not have (shown as plain text, not links)
 * @param warnings    warnings reported
 * @param errors      errors reported
 * @param seconds     wall time
 * @param timings     wall time per stage, in order
 * @param written     files written (an incremental build leaves the files it would write unchanged alone)
 * @param clean       whether the build was a clean one (no usable state of a previous build)
 */
public record BuildResult(int pages, int generated, int filesCopied, int brokenLinks, int citationsOutside,
        int warnings, int errors,
        double seconds, java.util.Map<String, Double> timings, int written, boolean clean) {

    public BuildResult {
        timings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(timings));
    }

    /** This result with the timings and the wall time of the whole build, its last stages included. */
    BuildResult withTimings(java.util.Map<String, Double> allTimings, double allSeconds) {
        return new BuildResult(pages, generated, filesCopied, brokenLinks, citationsOutside, warnings, errors,
                allSeconds, allTimings, written, clean);
    }

    /** The phase timings as one line ({@code plan 1.2 s, clear 0.4 s, ...}). */
    public String timingLine() {
        StringBuilder sb = new StringBuilder();
        timings.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ")
                .append(String.format(java.util.Locale.ROOT, "%s %.2f s", k, v)));
        return sb.toString();
    }

    /** The one summary line printed at the end of a build. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "%d pages, %d generated, %d files copied, %d broken links, %d citations of articles not in the site,"
                        + " %d warnings, %d errors in %.1f s (%s build, %d files written)",
                pages, generated, filesCopied, brokenLinks, citationsOutside, warnings, errors, seconds,
                clean ? "clean" : "incremental", written);
    }
}
