package kb.extract;

/**
 * The six header lines of a KB article text ({@code Article:} ... {@code Last Modified:}).
 *
 * @param id           {@code Article:}
 * @param products     {@code Product(s):}
 * @param versions     {@code Version(s):}
 * @param os           {@code Operating System(s):}
 * @param keywords     {@code Keyword(s):}
 * @param lastModified {@code Last Modified:}
 * @param bodyStart    index of the first line after the header
 * @param found        how many of the six labels were present
 */
record Header(String id, String products, String versions, String os, String keywords,
        String lastModified, int bodyStart, int found) {
}
