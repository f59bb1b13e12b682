package kb.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.model.Block;
import kb.model.ListItem;
import kb.model.Reference;
import kb.model.Section;

/**
 * Collects the articles an article cites: reference lines ({@code Q151261 OFF97: How to ...}),
 * {@code ARTICLE-ID: Q71499} with its {@code TITLE} line, and IDs mentioned in prose. Not every
 * Q-word is a citation: file names ({@code Q91679.TXT}), assignments ({@code Q2200510=QMS-PS}),
 * parts of paths and the article's own ID are skipped.
 */
final class ReferenceFinder {

    private static final Pattern MENTION = Pattern.compile("(?<![\\w\\\\/.=-])(Q\\d{4,7})(?![\\w=]|\\.[A-Za-z]{2,3}\\b|-\\w)");
    private static final Pattern ARTICLE_ID = Pattern.compile("ARTICLE-ID:\\s*(Q\\d{4,7})\\b");
    private static final Pattern TITLE = Pattern.compile("^\\s*TITLE\\s*:\\s*(.*)$");

    private ReferenceFinder() {
    }

    /** The cited articles, each ID once, in order of first citation, with a title when one is given. */
    static List<Reference> find(String selfId, List<Section> sections) {
        Map<String, Reference> found = new LinkedHashMap<>();
        for (Section section : sections) {
            for (Block block : section.blocks()) {
                collect(block, selfId, found);
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void collect(Block block, String selfId, Map<String, Reference> found) {
        switch (block) {
            case Block.ReferenceList refs -> refs.references().forEach(r -> add(found, selfId, r));
            case Block.ListBlock list -> {
                for (ListItem item : list.items()) {
                    mentions(item.text(), selfId, found);
                    item.blocks().forEach(b -> collect(b, selfId, found));
                }
            }
            case Block.Preformatted pre -> {
                articleIds(pre.text(), selfId, found);
                mentions(pre.text(), selfId, found);
            }
            default -> mentions(block.text(), selfId, found);
        }
    }

    private static void articleIds(String text, String selfId, Map<String, Reference> found) {
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            Matcher m = ARTICLE_ID.matcher(lines[i]);
            if (m.find()) {
                String title = "";
                if (i + 1 < lines.length) {
                    Matcher t = TITLE.matcher(lines[i + 1]);
                    if (t.matches()) {
                        title = t.group(1).strip();
                    }
                }
                add(found, selfId, new Reference(m.group(1), title, Reference.Form.ARTICLE_ID));
            }
        }
    }

    private static void mentions(String text, String selfId, Map<String, Reference> found) {
        if (text.indexOf('Q') < 0) {
            return;
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            add(found, selfId, new Reference(m.group(1), "", Reference.Form.MENTION));
        }
    }

    /** Keeps the first citation of an ID, but takes a title from a later one when the first had none. */
    private static void add(Map<String, Reference> found, String selfId, Reference ref) {
        if (ref.id().equalsIgnoreCase(selfId)) {
            return;
        }
        Reference existing = found.get(ref.id());
        if (existing == null) {
            found.put(ref.id(), ref);
        } else if (existing.title().isEmpty() && !ref.title().isEmpty()) {
            found.put(ref.id(), new Reference(ref.id(), ref.title(), ref.form()));
        }
    }
}
