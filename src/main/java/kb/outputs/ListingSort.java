package kb.outputs;

import java.util.Comparator;
import kb.catalog.CatalogEntry;

/** The orders a listing can be read in; each has its own stable URLs. */
public enum ListingSort {
    /** By article number, the archive's own order (the listing's first URL). */
    ID("", "ID", Comparator.comparingLong(CatalogEntry::number).thenComparing(CatalogEntry::id)),
    /** By title, A to Z. */
    TITLE("by-title/", "Title", Comparator.comparing(CatalogEntry::title, String.CASE_INSENSITIVE_ORDER)
            .thenComparingLong(CatalogEntry::number)),
    /** By last-modified date, newest first; undated articles last. */
    DATE("by-date/", "Date", Comparator.comparing((CatalogEntry e) -> e.lastModified().isEmpty())
            .thenComparing(CatalogEntry::lastModified, Comparator.reverseOrder())
            .thenComparingLong(CatalogEntry::number));

    private final String folder;
    private final String label;
    private final Comparator<CatalogEntry> order;

    ListingSort(String folder, String label, Comparator<CatalogEntry> order) {
        this.folder = folder;
        this.label = label;
        this.order = order;
    }

    /** The URL folder below the listing's URL ("" for the first order). */
    public String folder() {
        return folder;
    }

    /** What the sort control says ({@code Title}). */
    public String label() {
        return label;
    }

    /** The order of the articles. */
    public Comparator<CatalogEntry> order() {
        return order;
    }
}
