package kb.liquid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the tag names a text uses before it is parsed, skipping {@code raw} and {@code comment}
 * bodies as Liquid does, so that tags kb does not know can be registered as catch-alls (Liqp's
 * lexer decides what is a tag from a list of names given up front).
 */
final class TagScanner {

    private static final Pattern TAG = Pattern.compile("\\{%-?\\s*([A-Za-z_0-9][\\w-]*)");
    private static final Pattern END_RAW = Pattern.compile("\\{%-?\\s*endraw\\b");
    private static final Pattern END_COMMENT = Pattern.compile("\\{%-?\\s*endcomment\\b");

    /** One use of a tag name: where its {@code {%} starts. */
    record Use(String name, int offset) {
    }

    /** The unknown tags a text uses, in order, and which of their names are blocks. */
    record Unknown(List<Use> uses, Set<String> blocks, Set<String> tags) {

        boolean none() {
            return uses.isEmpty();
        }
    }

    private TagScanner() {
    }

    /** The uses of names not in {@code known} (nor {@code end} + a known block's name). */
    static Unknown unknown(String text, Set<String> known) {
        List<Use> all = uses(text);
        Set<String> ends = new HashSet<>();
        for (Use use : all) {
            if (use.name().startsWith("end")) {
                ends.add(use.name().substring(3));
            }
        }
        List<Use> unknown = new ArrayList<>();
        Set<String> blocks = new HashSet<>();
        Set<String> tags = new HashSet<>();
        for (Use use : all) {
            String name = use.name();
            if (known.contains(name) || name.startsWith("end") && blocks.contains(name.substring(3))) {
                continue;
            }
            if (name.startsWith("end") && known.contains(name.substring(3))) {
                continue;
            }
            unknown.add(use);
            (ends.contains(name) ? blocks : tags).add(name);
        }
        return new Unknown(List.copyOf(unknown), Set.copyOf(blocks), Set.copyOf(tags));
    }

    private static final Pattern INLINE_COMMENT = Pattern.compile("\\{%-?\\s*#");
    private static final Pattern TAG_END = Pattern.compile("-?%}");

    /**
     * The text with each inline comment ({@code {% # … %}}) turned into the tag {@code _} with
     * blank markup, character for character (so positions stay), since Liqp's lexer cannot read
     * {@code #}; the text itself when it has none.
     */
    static String withoutInlineComments(String text) {
        if (text.indexOf('#') < 0 || !INLINE_COMMENT.matcher(text).find()) {
            return text;
        }
        StringBuilder out = null;
        Matcher tag = TAG.matcher(text);
        Matcher comment = INLINE_COMMENT.matcher(text);
        int from = 0;
        while (from < text.length() && comment.find(from)) {
            int start = comment.start();
            int skipTo = skipped(text, tag, from, start);
            if (skipTo > start) {
                from = skipTo;
                continue;
            }
            Matcher end = TAG_END.matcher(text);
            int close = end.find(comment.end()) ? end.start() : text.length();
            if (out == null) {
                out = new StringBuilder(text);
            }
            out.setCharAt(comment.end() - 1, '_');
            for (int i = comment.end(); i < close; i++) {
                if (out.charAt(i) != '\n' && out.charAt(i) != '\r') {
                    out.setCharAt(i, ' ');
                }
            }
            from = close;
        }
        return out == null ? text : out.toString();
    }

    /**
     * The block a text leaves open at its end, if any: the innermost {@code {% name %}} of
     * {@code blocks} (or a {@code raw}/{@code comment}) without its {@code {% endname %}}. For a
     * parse that ran into the end of the text, this is the place to point at.
     */
    static java.util.Optional<Use> unclosed(String text, Set<String> blocks) {
        java.util.Deque<Use> open = new java.util.ArrayDeque<>();
        Matcher tag = TAG.matcher(text);
        int from = 0;
        while (from < text.length() && tag.find(from)) {
            String name = tag.group(1);
            Use use = new Use(name, tag.start());
            from = tag.end();
            Pattern end = name.equals("raw") ? END_RAW : name.equals("comment") ? END_COMMENT : null;
            if (end != null) {
                Matcher closing = end.matcher(text);
                if (!closing.find(from)) {
                    return java.util.Optional.of(use);
                }
                from = closing.end();
            } else if (blocks.contains(name)) {
                open.push(use);
            } else if (name.startsWith("end") && !open.isEmpty() && open.peek().name().equals(name.substring(3))) {
                open.pop();
            }
        }
        return java.util.Optional.ofNullable(open.peek());
    }

    /** When a raw or comment block starting between {@code from} and {@code before} covers {@code before}: where it ends. */
    private static int skipped(String text, Matcher tag, int from, int before) {
        int at = from;
        while (tag.find(at) && tag.start() < before) {
            String name = tag.group(1);
            Pattern end = name.equals("raw") ? END_RAW : name.equals("comment") ? END_COMMENT : null;
            at = tag.end();
            if (end != null) {
                Matcher closing = end.matcher(text);
                int close = closing.find(at) ? closing.start() : text.length();
                if (close > before) {
                    return close;
                }
                at = close;
            }
        }
        return before;
    }

    private static List<Use> uses(String text) {
        List<Use> uses = new ArrayList<>();
        Matcher tag = TAG.matcher(text);
        int from = 0;
        while (from < text.length() && tag.find(from)) {
            String name = tag.group(1);
            uses.add(new Use(name, tag.start()));
            from = tag.end();
            Pattern end = name.equals("raw") ? END_RAW : name.equals("comment") ? END_COMMENT : null;
            if (end != null) {
                Matcher closing = end.matcher(text);
                from = closing.find(from) ? closing.start() : text.length();
            }
        }
        return uses;
    }
}
