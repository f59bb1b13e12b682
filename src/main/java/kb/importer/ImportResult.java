package kb.importer;

/**
 * What an import did, counted per article page.
 *
 * @param created   pages written that did not exist
 * @param updated   pages replaced with new text
 * @param unchanged pages that already had exactly the imported text (not rewritten)
 * @param conflicts articles not written: the page was edited or not written by {@code kb import},
 *                  or an earlier input of the run had the same ID with other text
 * @param warnings  warnings reported
 * @param errors    errors reported, not counting conflicts
 */
public record ImportResult(int created, int updated, int unchanged, int conflicts, int warnings,
        int errors) {

    /** Whether the run found problems that make {@code kb import} exit non-zero. */
    public boolean failed() {
        return conflicts > 0 || errors > 0;
    }

    /** {@code 3 created, 0 updated, 1 unchanged, 0 conflicts, 2 warnings, 0 errors}. */
    public String summary() {
        return created + " created, " + updated + " updated, " + unchanged + " unchanged, "
                + conflicts + " conflicts, " + warnings + " warnings, " + errors + " errors";
    }
}
