package kb.search;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kb.model.Article;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** Builds the Lucene document of an article or a page (see {@link IndexFields}). Thread-safe. */
public final class IndexDocuments {

    private static final FieldType BODY_TYPE = new FieldType(TextField.TYPE_STORED);

    /**
     * The spelling field has positions: besides terms (suggestions, fuzzy and prefix matches) it
     * answers pasted passages word for word, small words included, which the English fields drop.
     */
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        SPELL_TYPE.freeze();
    }

    /** The {@link IndexFields#KIND} of a KB article. */
    public static final String ARTICLE = "article";
    /** The {@link IndexFields#KIND} of any other page. */
    public static final String PAGE = "page";

    private final FacetsConfig facets = facetsConfig();

    /** The facet configuration the index is written and read with. */
    public static FacetsConfig facetsConfig() {
        FacetsConfig config = new FacetsConfig();
        config.setMultiValued(IndexFields.PRODUCT, true);
        config.setMultiValued(IndexFields.ISSUE_TYPE, true);
        config.setMultiValued(IndexFields.TECHNOLOGY, true);
        return config;
    }

    /** The document of a KB article at {@code url}, with its metadata JSON. */
    public Document article(Article a, String url, String json) {
        return article(a, url, json, a.text());
    }

    /**
     * The same, given the article's text ({@link Article#text()}, which is built anew on every
     * call: a build that needs it elsewhere builds it once).
     */
    public Document article(Article a, String url, String json, String body) {
        return document(values(a, url, json, body));
    }

    /** What kb indexes of a KB article at {@code url}. */
    public static IndexDocument values(Article a, String url, String json, String body) {
        StringBuilder headings = new StringBuilder();
        a.sections().forEach(s -> headings.append(s.heading()).append('\n'));
        StringBuilder messages = new StringBuilder();
        a.sections().forEach(sec -> sec.blocks().forEach(b -> quoted(b, messages)));
        StringBuilder applies = new StringBuilder();
        a.appliesTo().forEach(x -> applies.append(x.text()).append('\n'));
        return new IndexDocument(ARTICLE, a.id(), url, a.title(), body, headings.toString(), messages.toString(),
                applies.toString(), String.join(" ", a.additionalQueryWords()), a.products(), a.productCodes(),
                a.versions().all(), a.operatingSystems(), a.keywords(), a.technology(), a.issueType(),
                a.lastModifiedDate(), json);
    }

    /** The document of an ordinary page. */
    public Document page(String url, String title, String text) {
        return document(IndexDocument.page(url, title, text));
    }

    /** The Lucene document of an article's or a page's values. */
    public Document document(IndexDocument d) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, d.kind(), Field.Store.YES));
        if (!d.isArticle()) {
            doc.add(new StringField(IndexFields.URL, d.url(), Field.Store.YES));
            doc.add(new TextField(IndexFields.TITLE, d.title(), Field.Store.YES));
            doc.add(new Field(IndexFields.BODY, d.body(), BODY_TYPE));
            doc.add(new Field(IndexFields.SPELL, d.spellText(), SPELL_TYPE));
            return build(doc);
        }
        doc.add(new StringField(IndexFields.ID, d.id(), Field.Store.YES));
        for (String form : idForms(d.id())) {
            doc.add(new StringField(IndexFields.ID_FORMS, form, Field.Store.NO));
        }
        doc.add(new StringField(IndexFields.URL, d.url(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, d.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE_WORDS, d.title(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, d.body(), BODY_TYPE));
        doc.add(new TextField(IndexFields.SECTIONS, d.sections(), Field.Store.NO));
        doc.add(new TextField(IndexFields.MESSAGES, d.messages(), Field.Store.NO));
        doc.add(new TextField(IndexFields.APPLIES_TO, d.appliesTo(), Field.Store.NO));
        doc.add(new TextField(IndexFields.QUERY_WORDS, d.queryWords(), Field.Store.NO));
        doc.add(new Field(IndexFields.SPELL, d.spellText(), SPELL_TYPE));
        boolean first = true;
        for (String product : d.products()) {
            doc.add(new StringField(IndexFields.PRODUCT, product.strip().toLowerCase(Locale.ROOT), Field.Store.NO));
            if (first) {
                doc.add(new StoredField(IndexFields.PRODUCT, product));
            }
            doc.add(new SortedSetDocValuesFacetField(IndexFields.PRODUCT, product));
            first = false;
        }
        exact(doc, IndexFields.PRODUCT_CODE, d.productCodes());
        exact(doc, IndexFields.VERSIONS, d.versions());
        exact(doc, IndexFields.OS, d.operatingSystems());
        exact(doc, IndexFields.KEYWORDS, d.keywords());
        exact(doc, IndexFields.TECHNOLOGY, d.technology());
        exact(doc, IndexFields.ISSUE_TYPE, d.issueTypes());
        for (String t : new LinkedHashSet<>(d.technology())) {
            doc.add(new SortedSetDocValuesFacetField(IndexFields.TECHNOLOGY, t));
        }
        for (String t : issueTypeFacets(d.issueTypes())) {
            doc.add(new SortedSetDocValuesFacetField(IndexFields.ISSUE_TYPE, t));
        }
        d.lastModified().ifPresent(date -> {
            long day = date.toEpochDay();
            doc.add(new LongPoint(IndexFields.LAST_MODIFIED, day));
            doc.add(new NumericDocValuesField(IndexFields.LAST_MODIFIED, day));
            doc.add(new StoredField(IndexFields.LAST_MODIFIED, date.toString()));
            String year = Integer.toString(date.getYear());
            doc.add(new StringField(IndexFields.YEAR, year, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.YEAR, year));
        });
        doc.add(new StoredField(IndexFields.JSON, d.json()));
        doc.add(new StoredField(IndexFields.SOURCE, StoredSource.write(d)));
        return build(doc);
    }

    /**
     * The values a document was made of, read back from its stored fields (all of them: read
     * with {@code storedFields().document(doc)}).
     *
     * @throws IllegalArgumentException when the document is not one kb wrote with this schema
     */
    public static IndexDocument read(Document stored) {
        String kind = stored.get(IndexFields.KIND);
        String url = stored.get(IndexFields.URL);
        if (kind == null || url == null) {
            throw new IllegalArgumentException("a document without kind or URL: not written by this kb");
        }
        String title = nullToEmpty(stored.get(IndexFields.TITLE));
        String body = nullToEmpty(stored.get(IndexFields.BODY));
        if (!kind.equals(ARTICLE)) {
            return IndexDocument.page(url, title, body);
        }
        String lastModified = stored.get(IndexFields.LAST_MODIFIED);
        return StoredSource.read(stored.get(IndexFields.SOURCE), kind, nullToEmpty(stored.get(IndexFields.ID)), url,
                title, body, lastModified == null ? java.util.Optional.empty()
                        : java.util.Optional.of(java.time.LocalDate.parse(lastModified)),
                nullToEmpty(stored.get(IndexFields.JSON)));
    }

    /**
     * The terms an exact field indexes for some values: stripped, lower case, each once, none
     * empty (what filters match).
     */
    public static List<String> exactTerms(List<String> values) {
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            String lower = v.strip().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty()) {
                seen.add(lower);
            }
        }
        return List.copyOf(seen);
    }

    /** The issue types as the facet counts them: lower case, each once. */
    public static List<String> issueTypeFacets(List<String> issueTypes) {
        Set<String> out = new LinkedHashSet<>();
        for (String t : new LinkedHashSet<>(issueTypes)) {
            out.add(t.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(out);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Display lines and quotes, where articles quote messages, also inside list items. */
    private static void quoted(kb.model.Block block, StringBuilder out) {
        switch (block) {
            case kb.model.Block.Preformatted pre when pre.kind() == kb.model.Block.PreKind.DISPLAY
                    || pre.kind() == kb.model.Block.PreKind.RAGGED -> out.append(pre.text()).append("\n\n");
            case kb.model.Block.Quote q -> out.append(q.text()).append("\n\n");
            case kb.model.Block.ListBlock list -> list.items().forEach(i -> i.blocks().forEach(b -> quoted(b, out)));
            default -> { }
        }
    }

    private Document build(Document doc) {
        try {
            return facets.build(doc);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void exact(Document doc, String field, List<String> values) {
        for (String term : exactTerms(values)) {
            doc.add(new StringField(field, term, Field.Store.NO));
        }
    }

    /** {@code Q319864} -> {@code q319864}, {@code 319864}, {@code kb319864}. */
    public static List<String> idForms(String id) {
        String digits = id.replaceAll("\\D", "");
        if (digits.isEmpty()) {
            return List.of(id.toLowerCase(Locale.ROOT));
        }
        String trimmed = digits.replaceFirst("^0+(?=\\d)", "");
        Set<String> forms = new LinkedHashSet<>(List.of("q" + digits, digits, "kb" + digits, "q" + trimmed, trimmed, "kb" + trimmed));
        return List.copyOf(forms);
    }

}
