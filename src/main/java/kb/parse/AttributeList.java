package kb.parse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A kramdown attribute list: the inside of an IAL ({@code {: .note #intro lang="en"}}) or an ALD
 * ({@code {:name: .x}}), read as kramdown's {@code parse_attribute_list} reads it. Classes
 * accumulate ({@code class="a b"}), any other key keeps its first position and its last value, and
 * bare words are references to ALDs ({@code toc} among them). Mutable; one per IAL, confined to
 * the thread that parses its document.
 */
final class AttributeList {

    private static final String NAME = "\\w[\\w-]*";
    /** kramdown's {@code ALD_TYPE_ANY}: {@code key="value"}, a reference, or ids and classes. */
    private static final Pattern ANY = Pattern.compile("(?:\\A|\\s)(?:(" + NAME + ")=(\"|')((?:\\\\\\}|\\\\\\2|[^}\\x02])*?)\\2"
            + "|(" + NAME + ")|((?:#[A-Za-z][\\w:-]*|\\.[^\\s.#]+)+))(?=\\s|\\z)");
    private static final Pattern ID_OR_CLASS = Pattern.compile("#([A-Za-z][\\w:-]*)|\\.([^\\s.#]+)");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<String> refs = new ArrayList<>();

    /** Reads the text between {@code {:} and {@code }}. */
    static AttributeList parse(String text) {
        AttributeList list = new AttributeList();
        Matcher m = ANY.matcher(text);
        while (m.find()) {
            if (m.group(4) != null) {
                list.refs.add(m.group(4));
            } else if (m.group(5) != null) {
                Matcher ic = ID_OR_CLASS.matcher(m.group(5));
                while (ic.find()) {
                    if (ic.group(2) != null) {
                        list.addClass(ic.group(2));
                    } else {
                        list.values.put("id", ic.group(1));
                    }
                }
            } else {
                String sep = m.group(2);
                list.values.put(m.group(1), m.group(3).replace("\\}", "}").replace("\\" + sep, sep));
            }
        }
        return list;
    }

    /** Adds another list's attributes, as kramdown's {@code update_ial_with_ial}. */
    void addAll(AttributeList other) {
        refs.addAll(other.refs);
        other.values.forEach((key, value) -> {
            if (key.equals("class")) {
                addClass(value);
            } else {
                values.put(key, value);
            }
        });
    }

    /**
     * The attributes to write: those of the referenced ALDs first, then these (kramdown's
     * {@code update_attr_with_ial}).
     */
    AttributeList resolve(Map<String, AttributeList> alds) {
        if (refs.isEmpty()) {
            return this;
        }
        AttributeList resolved = new AttributeList();
        for (String ref : refs) {
            AttributeList ald = alds.get(ref);
            if (ald != null) {
                resolved.addAll(ald.resolve(Map.of()));
            }
        }
        resolved.addAll(this);
        return resolved;
    }

    private void addClass(String name) {
        values.merge("class", name, (old, added) -> old + " " + added);
    }

    /** The attributes in kramdown's order (the position of a key is that of its first use). */
    Map<String, String> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The bare words: references to ALDs, or {@code toc}. */
    List<String> refs() {
        return Collections.unmodifiableList(refs);
    }

    boolean hasClass(String name) {
        String classes = values.get("class");
        return classes != null && List.of(classes.split(" ")).contains(name);
    }

    /** This list without its references (the {@code toc} marker once it has made a table of contents). */
    AttributeList withoutRefs() {
        AttributeList copy = new AttributeList();
        copy.values.putAll(values);
        return copy;
    }
}
