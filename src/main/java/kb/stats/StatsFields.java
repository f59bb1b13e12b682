package kb.stats;

/** The report order of the fields {@code kb stats} counts. */
public final class StatsFields {

    private StatsFields() {
    }

    /** The position of a field in the report (unknown fields last). */
    public static int order(String field) {
        int i = FieldCounts.FIELDS.indexOf(field);
        return i < 0 ? Integer.MAX_VALUE : i;
    }
}
