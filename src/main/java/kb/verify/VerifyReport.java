package kb.verify;

import java.util.List;
import kb.diag.Diagnostic;

/**
 * The result of comparing a site with a reference site, or with the source tree it was built from.
 *
 * @param pagesChecked    HTML pages of the reference, or the sources to check (articles, and files
 *                        that could not be read)
 * @param articles        of those, KB articles compared field by field and by body words
 * @param missing         reference URLs with no page in ours
 * @param titleMismatches pages whose titles differ
 * @param textMismatches  pages where the reference's text is not found, in order, in ours
 * @param unread          sources that could not be read, each with its first error: whatever they
 *                        hold was not checked, so nothing can be said about it
 */
public record VerifyReport(int pagesChecked, int articles, List<String> missing, List<Mismatch> titleMismatches,
        List<Mismatch> textMismatches, List<Diagnostic> unread) {

    public VerifyReport {
        missing = List.copyOf(missing);
        titleMismatches = List.copyOf(titleMismatches);
        textMismatches = List.copyOf(textMismatches);
        unread = List.copyOf(unread);
    }

    /** A report on pages that could all be read. */
    public VerifyReport(int pagesChecked, int articles, List<String> missing, List<Mismatch> titleMismatches,
            List<Mismatch> textMismatches) {
        this(pagesChecked, articles, missing, titleMismatches, textMismatches, List.of());
    }

    /**
     * One difference.
     *
     * @param url      the page's URL path
     * @param expected the reference's words from the first difference on
     * @param actual   our words at that place
     */
    public record Mismatch(String url, String expected, String actual) {
    }

    /** Whether every page could be read and ours has every page, title and text of it. */
    public boolean passed() {
        return missing.isEmpty() && titleMismatches.isEmpty() && textMismatches.isEmpty() && unread.isEmpty();
    }

    /** Pages read and present in ours. */
    public int present() {
        return pagesChecked - unread.size() - missing.size();
    }
}
