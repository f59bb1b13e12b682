package kb.verify;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kb.extract.Extraction;
import kb.json.KbJson;
import kb.model.Article;
import kb.model.FooterField;
import kb.render.ArticleJson;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Checks one KB article page of ours against an article extracted elsewhere (from a reference
 * page's text, or from the source): the page's embedded metadata must equal the extracted
 * fields, every header and footer value must appear on the page, and every word of the body
 * must appear on the page in order. Thread-safe.
 */
final class ArticleCheck {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private final ArticleJson json = new ArticleJson();

    /** A difference found. */
    record Problem(String kind, String expected, String actual) {
    }

    /** The first problem with our page, or empty when it holds the article faithfully. */
    Optional<Problem> check(Extraction expected, Document ours) {
        Element data = ours.getElementById("kb-article");
        if (data == null) {
            return Optional.of(new Problem("fields", "article metadata (script#kb-article)", "none on the page"));
        }
        Map<String, Object> actual;
        try {
            actual = KbJson.reader().forType(MAP).readValue(data.data());
        } catch (java.io.IOException e) {
            return Optional.of(new Problem("fields", "readable article metadata", e.getMessage()));
        }
        Map<String, Object> wanted = KbJson.convert(json.toMap(expected.article(), id -> Optional.empty()), MAP);
        for (String key : ArticleJson.COMPARED) {
            boolean same = key.equals("title")
                    // a reference title went through kramdown's typography (' -> ’, ... -> …)
                    ? Words.of(String.valueOf(wanted.get(key))).equals(Words.of(String.valueOf(actual.get(key))))
                    : Objects.equals(wanted.get(key), actual.get(key));
            if (!same) {
                return Optional.of(new Problem("field " + key, String.valueOf(wanted.get(key)),
                        String.valueOf(actual.get(key))));
            }
        }
        data.remove(); // the rest of the checks read what a person sees
        List<String> page = Words.of(ours.body() == null ? "" : ours.body().text());
        for (String value : fieldValues(expected.article())) {
            List<String> words = Words.of(value);
            int[] upTo = {0};
            if (Words.firstUnmatched(words, page, upTo) >= 0) {
                return Optional.of(new Problem("field value not shown", value, ""));
            }
        }
        List<String> body = Words.of(expected.bodyText());
        int[] upTo = {0};
        int bad = Words.firstUnmatched(body, page, upTo);
        if (bad >= 0) {
            return Optional.of(new Problem("body", SiteVerifier.window(body, bad), SiteVerifier.window(page, upTo[0])));
        }
        return Optional.empty();
    }

    /** Every header and footer value of the article, as text. */
    private static List<String> fieldValues(Article a) {
        List<String> values = new ArrayList<>();
        values.add(a.id());
        values.addAll(a.products());
        values.add(a.versions().raw());
        values.addAll(a.operatingSystems());
        values.add(a.headerKeywords().replace('|', ' '));
        values.add(a.lastModified().isEmpty() ? a.lastModifiedText() : a.lastModified());
        for (FooterField f : a.fields()) {
            values.add(f.value());
        }
        return values;
    }
}
