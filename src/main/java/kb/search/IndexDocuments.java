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
     * The spelling field is only looked up by term (suggestions, fuzzy and prefix matches, which
     * read no positions): without positions it costs a good part less to index.
     */
    private static final FieldType SPELL_TYPE = new FieldType(TextField.TYPE_NOT_STORED);

    static {
        BODY_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        BODY_TYPE.freeze();
        SPELL_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
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
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, ARTICLE, Field.Store.YES));
        doc.add(new StringField(IndexFields.ID, a.id(), Field.Store.YES));
        for (String form : idForms(a.id())) {
            doc.add(new StringField(IndexFields.ID_FORMS, form, Field.Store.NO));
        }
        doc.add(new StringField(IndexFields.URL, url, Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, a.title(), Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE_WORDS, a.title(), Field.Store.NO));
        doc.add(new Field(IndexFields.BODY, body, BODY_TYPE));
        StringBuilder headings = new StringBuilder();
        a.sections().forEach(s -> headings.append(s.heading()).append('\n'));
        doc.add(new TextField(IndexFields.SECTIONS, headings.toString(), Field.Store.NO));
        StringBuilder messages = new StringBuilder();
        a.sections().forEach(sec -> sec.blocks().forEach(b -> quoted(b, messages)));
        doc.add(new TextField(IndexFields.MESSAGES, messages.toString(), Field.Store.NO));
        StringBuilder applies = new StringBuilder();
        a.appliesTo().forEach(x -> applies.append(x.text()).append('\n'));
        doc.add(new TextField(IndexFields.APPLIES_TO, applies.toString(), Field.Store.NO));
        String queryWords = String.join(" ", a.additionalQueryWords());
        doc.add(new TextField(IndexFields.QUERY_WORDS, queryWords, Field.Store.NO));
        doc.add(new Field(IndexFields.SPELL, a.title() + "\n" + queryWords + "\n" + body, SPELL_TYPE));
        boolean first = true;
        for (String product : a.products()) {
            doc.add(new StringField(IndexFields.PRODUCT, product.strip().toLowerCase(Locale.ROOT), Field.Store.NO));
            if (first) {
                doc.add(new StoredField(IndexFields.PRODUCT, product));
            }
            doc.add(new SortedSetDocValuesFacetField(IndexFields.PRODUCT, product));
            first = false;
        }
        exact(doc, IndexFields.PRODUCT_CODE, a.productCodes());
        exact(doc, IndexFields.VERSIONS, a.versions().all());
        exact(doc, IndexFields.OS, a.operatingSystems());
        exact(doc, IndexFields.KEYWORDS, a.keywords());
        exact(doc, IndexFields.TECHNOLOGY, a.technology());
        exact(doc, IndexFields.ISSUE_TYPE, a.issueType());
        for (String t : new LinkedHashSet<>(a.technology())) {
            doc.add(new SortedSetDocValuesFacetField(IndexFields.TECHNOLOGY, t));
        }
        for (String t : new LinkedHashSet<>(a.issueType())) {
            doc.add(new SortedSetDocValuesFacetField(IndexFields.ISSUE_TYPE, t.toLowerCase(Locale.ROOT)));
        }
        a.lastModifiedDate().ifPresent(date -> {
            long day = date.toEpochDay();
            doc.add(new LongPoint(IndexFields.LAST_MODIFIED, day));
            doc.add(new NumericDocValuesField(IndexFields.LAST_MODIFIED, day));
            doc.add(new StoredField(IndexFields.LAST_MODIFIED, date.toString()));
            String year = Integer.toString(date.getYear());
            doc.add(new StringField(IndexFields.YEAR, year, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(IndexFields.YEAR, year));
        });
        doc.add(new StoredField(IndexFields.JSON, json));
        return build(doc);
    }

    /** The document of an ordinary page. */
    public Document page(String url, String title, String text) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.KIND, PAGE, Field.Store.YES));
        doc.add(new StringField(IndexFields.URL, url, Field.Store.YES));
        doc.add(new TextField(IndexFields.TITLE, title, Field.Store.YES));
        doc.add(new Field(IndexFields.BODY, text, BODY_TYPE));
        doc.add(new Field(IndexFields.SPELL, title + "\n" + text, SPELL_TYPE));
        return build(doc);
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
        Set<String> seen = new LinkedHashSet<>();
        for (String v : values) {
            String lower = v.strip().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && seen.add(lower)) {
                doc.add(new StringField(field, lower, Field.Store.NO));
            }
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
