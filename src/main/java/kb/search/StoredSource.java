package kb.search;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kb.json.KbJson;

/**
 * {@link IndexFields#SOURCE}: the values of an article that its Lucene document indexes without
 * storing (headings, quoted lines, applies-to, query words, the metadata lists), as compact JSON,
 * so that {@link IndexDocuments#read} gives back the whole {@link IndexDocument}. The title, body,
 * ID, URL, date and metadata JSON are stored fields of their own and not repeated here.
 */
final class StoredSource {

    private StoredSource() {
    }

    static String write(IndexDocument d) {
        ObjectNode o = KbJson.object();
        o.put("sections", d.sections());
        o.put("messages", d.messages());
        o.put("applies_to", d.appliesTo());
        o.put("query_words", d.queryWords());
        list(o, "products", d.products());
        list(o, "product_codes", d.productCodes());
        list(o, "versions", d.versions());
        list(o, "os", d.operatingSystems());
        list(o, "keywords", d.keywords());
        list(o, "technology", d.technology());
        list(o, "issue_types", d.issueTypes());
        return KbJson.write(o);
    }

    static IndexDocument read(String source, String kind, String id, String url, String title, String body,
            Optional<LocalDate> lastModified, String json) {
        if (source == null) {
            throw new IllegalArgumentException("the article at " + url + " has no stored source: index written by"
                    + " another kb (run 'kb build' again)");
        }
        JsonNode o;
        try {
            o = KbJson.read(source);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the article at " + url + " has a damaged stored source", e);
        }
        return new IndexDocument(kind, id, url, title, body, o.path("sections").asText(), o.path("messages").asText(),
                o.path("applies_to").asText(), o.path("query_words").asText(), list(o, "products"),
                list(o, "product_codes"), list(o, "versions"), list(o, "os"), list(o, "keywords"),
                list(o, "technology"), list(o, "issue_types"), lastModified, json);
    }

    private static void list(ObjectNode o, String name, List<String> values) {
        ArrayNode a = o.putArray(name);
        values.forEach(a::add);
    }

    private static List<String> list(JsonNode o, String name) {
        List<String> out = new ArrayList<>();
        o.path(name).forEach(v -> out.add(v.asText()));
        return out;
    }
}
