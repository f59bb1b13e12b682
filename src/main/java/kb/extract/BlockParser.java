package kb.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import kb.model.Block;
import kb.model.Block.PreKind;
import kb.model.ListItem;
import kb.model.Reference;

/**
 * Turns the lines of one section into blocks: paragraphs (reflowed), lists (with their
 * continuation lines, sub-paragraphs and nested lists), reference lines, indented quotes, and
 * preformatted text for everything whose layout matters. Every line lands in exactly one
 * block; adjacent preformatted blocks are joined with their blank lines, so a code sample stays
 * one block. Stateless and thread-safe.
 */
final class BlockParser {

    /** {@code Q151261 OFF97: How to ...}: an ID and a title (not a list of further IDs). */
    private static final Pattern REFERENCE_LINE = Pattern.compile("^ *(Q\\d{4,7})\\b[ :,-]*\\s+(?!Q\\d{4,7}\\b)(\\S.*)$");
    private static final Pattern SEPARATOR = Pattern.compile("^-+ *(or|and) *-+$", Pattern.CASE_INSENSITIVE);

    /** Blank-line separated lines, with the number of blank lines before them. */
    private record Chunk(List<Line> lines, int blanksBefore) {
        Line first() {
            return lines.get(0);
        }

        int minIndent() {
            return lines.stream().mapToInt(Line::indent).min().orElse(0);
        }
    }

    /**
     * How deep lists may nest. The parser recurses once per level, and so does everything that
     * walks the blocks (rendering, the JSON, the search text); the archive nests three levels at
     * most. Deeper lines stay in the deepest item as they are written: nothing is lost.
     */
    static final int MAX_LIST_DEPTH = 32;

    /**
     * How deep a list is (1 at a section's level), and whom to tell of a list that would nest
     * deeper than {@link #MAX_LIST_DEPTH}.
     */
    private record Level(int depth, Consumer<Line> tooDeep) {
        Level deeper() {
            return new Level(depth + 1, tooDeep);
        }

        /** Whether a list may nest in this one; if not, its first line is reported. */
        boolean nests(Line line) {
            if (depth < MAX_LIST_DEPTH) {
                return true;
            }
            tooDeep.accept(line);
            return false;
        }
    }

    /** The blocks of a section's lines. */
    List<Block> parse(List<Line> lines) {
        return parse(lines, line -> {
        });
    }

    /**
     * The blocks of a section's lines.
     *
     * @param tooDeep told of the first line of each list that would nest deeper than
     *                {@link #MAX_LIST_DEPTH}; its lines stay in the deepest item, as written
     */
    List<Block> parse(List<Line> lines, Consumer<Line> tooDeep) {
        List<Chunk> chunks = chunks(lines);
        List<Block> blocks = new ArrayList<>();
        List<Integer> blanks = new ArrayList<>();
        int i = 0;
        while (i < chunks.size()) {
            Chunk chunk = chunks.get(i);
            Optional<ListMarker> marker = ListMarker.of(chunk.first());
            blanks.add(chunk.blanksBefore());
            if (marker.isPresent()) {
                List<Block> list = new ArrayList<>();
                i = parseList(chunks, i, marker.get(), list, new Level(1, tooDeep));
                blocks.addAll(list);
                for (int k = 1; k < list.size(); k++) {
                    blanks.add(1);
                }
                continue;
            }
            blocks.add(classify(chunk.lines(), 0));
            i++;
        }
        return mergePreformatted(blocks, blanks);
    }

    /** Splits at blank lines, and before a list or an indented display line that follows a colon. */
    private static List<Chunk> chunks(List<Line> lines) {
        List<Chunk> chunks = new ArrayList<>();
        List<Line> current = new ArrayList<>();
        int blanks = 0;
        int pendingBlanks = 0;
        for (Line line : lines) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    chunks.add(new Chunk(current, pendingBlanks));
                    current = new ArrayList<>();
                    blanks = 0;
                }
                blanks++;
                continue;
            }
            if (current.isEmpty()) {
                pendingBlanks = blanks;
            } else {
                Line previous = current.get(current.size() - 1);
                boolean afterColon = previous.content().endsWith(":");
                boolean starts = ListMarker.of(line).isPresent() || line.indent() > previous.indent() + 1;
                if (afterColon && starts && ListMarker.of(previous).isEmpty()) {
                    chunks.add(new Chunk(current, pendingBlanks));
                    current = new ArrayList<>();
                    pendingBlanks = 0;
                }
            }
            current.add(line);
        }
        if (!current.isEmpty()) {
            chunks.add(new Chunk(current, pendingBlanks));
        }
        return chunks;
    }

    /**
     * Parses a list starting at chunk {@code start}; adds the list (and anything split off its
     * last chunk) to {@code out}; returns the index of the first chunk after it.
     */
    private int parseList(List<Chunk> chunks, int start, ListMarker first, List<Block> out, Level level) {
        List<ItemBuilder> items = new ArrayList<>();
        int i = start;
        while (i < chunks.size()) {
            Chunk chunk = chunks.get(i);
            Optional<ListMarker> marker = ListMarker.of(chunk.first());
            if (marker.isPresent() && marker.get().indent() == first.indent()
                    && marker.get().family().equals(first.family())) {
                addItems(chunk.lines(), first, items, level);
                i++;
            } else if (!items.isEmpty() && chunk.minIndent() > first.indent()) {
                ItemBuilder last = items.get(items.size() - 1);
                if (marker.isPresent() && marker.get().indent() > first.indent() && level.nests(chunk.first())) {
                    List<Block> nested = new ArrayList<>();
                    i = parseList(chunks, i, marker.get(), nested, level.deeper());
                    last.add(nested, chunk.blanksBefore());
                } else {
                    last.add(List.of(classify(chunk.lines(), chunk.minIndent())), chunk.blanksBefore());
                    i++;
                }
            } else {
                break;
            }
        }
        List<ListItem> built = items.stream().map(ItemBuilder::build).toList();
        out.add(new Block.ListBlock(first.ordered(), first.ordered() ? first.number() : 1,
                first.family(), built));
        return i;
    }

    /** Item lines: marker lines start items, continuation lines join their text, the rest are children. */
    private void addItems(List<Line> lines, ListMarker first, List<ItemBuilder> items, Level level) {
        ItemBuilder current = null;
        List<Line> overflow = new ArrayList<>();
        for (Line line : lines) {
            Optional<ListMarker> marker = ListMarker.of(line);
            if (marker.isPresent() && marker.get().indent() == first.indent()
                    && marker.get().family().equals(first.family())) {
                flushOverflow(current, overflow, level);
                current = new ItemBuilder(marker.get());
                items.add(current);
            } else if (current != null && overflow.isEmpty() && line.indent() > first.indent()
                    && line.indent() <= current.marker.textColumn() + 1 && ListMarker.of(line).isEmpty()) {
                current.text.append(' ').append(line.content());
            } else {
                overflow.add(line);
            }
        }
        flushOverflow(current, overflow, level);
    }

    private void flushOverflow(ItemBuilder item, List<Line> overflow, Level level) {
        if (item != null && !overflow.isEmpty()) {
            Optional<ListMarker> nested = ListMarker.of(overflow.get(0));
            if (nested.isPresent() && nested.get().indent() > item.marker.indent() && level.nests(overflow.get(0))) {
                List<Block> list = new ArrayList<>();
                int end = parseList(List.of(new Chunk(List.copyOf(overflow), 0)), 0, nested.get(), list,
                        level.deeper());
                if (end == 1) {
                    item.add(list, 0);
                    overflow.clear();
                    return;
                }
            }
            int base = overflow.stream().mapToInt(Line::indent).min().orElse(0);
            item.add(List.of(classify(List.copyOf(overflow), base)), 0);
            overflow.clear();
        }
    }

    /**
     * A chunk that is not a list: reference lines, prose, a quote, or preformatted text.
     *
     * @param baseIndent the indent prose has at this level: 0 in a section, the continuation
     *                   indent under a list item
     */
    Block classify(List<Line> lines, int baseIndent) {
        String text = joinLines(lines);
        if (isReferenceChunk(lines)) {
            return new Block.ReferenceList(text, references(lines));
        }
        int indent = lines.stream().mapToInt(Line::indent).min().orElse(0);
        boolean uniform = lines.stream().allMatch(l -> l.indent() <= indent + 1);
        boolean prose = uniform && LineShapes.wrapped(lines) && LineShapes.wordy(lines)
                && lines.stream().noneMatch(LineShapes::isUrl);
        Optional<PreKind> layout = LineShapes.layoutKind(lines, prose);
        if (layout.isPresent()) {
            return new Block.Preformatted(text, layout.get());
        }
        boolean atLevel = indent <= baseIndent + 1;
        if (lines.size() == 1 && (SEPARATOR.matcher(lines.get(0).content()).matches()
                || atLevel && baseIndent == 0)) {
            return new Block.Paragraph(reflow(lines)); // "-or-", "For example:", "To:", a one-line remark
        }
        if (prose && atLevel && (lines.size() > 1 || baseIndent == 0 || endsSentence(lines.get(0)))) {
            return new Block.Paragraph(reflow(lines));
        }
        if (prose && lines.size() > 1) {
            return new Block.Quote(reflow(lines)); // an indented, wrapped passage
        }
        if (uniform && atLevel && lines.size() > 1 && LineShapes.wordy(lines)) {
            return new Block.Preformatted(text, PreKind.RAGGED); // addresses, menu paths, short steps
        }
        return new Block.Preformatted(text, lines.size() == 1 ? PreKind.DISPLAY : PreKind.RAGGED);
    }

    private static boolean endsSentence(Line line) {
        String c = line.content();
        return c.endsWith(".") || c.endsWith(":") || c.endsWith("?") || c.endsWith("!") || c.endsWith(".)");
    }

    private static boolean isReferenceChunk(List<Line> lines) {
        int refIndent = -1;
        for (Line line : lines) {
            if (REFERENCE_LINE.matcher(line.text()).matches()) {
                refIndent = line.indent();
            } else if (refIndent < 0 || line.indent() <= refIndent) {
                return false; // neither a reference line nor the wrapped tail of one
            }
        }
        return refIndent >= 0;
    }

    private static List<Reference> references(List<Line> lines) {
        List<Reference> refs = new ArrayList<>();
        for (Line line : lines) {
            var m = REFERENCE_LINE.matcher(line.text());
            if (m.matches()) {
                refs.add(new Reference(m.group(1), m.group(2).strip(), Reference.Form.REFERENCE_LINE));
            } else if (!refs.isEmpty()) {
                Reference last = refs.remove(refs.size() - 1);
                refs.add(new Reference(last.id(), last.title() + " " + line.content(), last.form()));
            }
        }
        return refs;
    }

    /**
     * Joins adjacent preformatted blocks with their blank lines, so that one listing stays one
     * block: two blocks of layout (code, tables, commands, ...) always, and ragged blocks when
     * both sides stand at the same indentation (a CONFIG.SYS listing cut by blank lines into
     * groups). Ragged lines at the margin (addresses, menu paths) stay apart: they are shown as
     * lines of prose, not as a box.
     */
    static List<Block> mergePreformatted(List<Block> blocks, List<Integer> blanks) {
        List<Block> out = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block b = blocks.get(i);
            if (!out.isEmpty() && b instanceof Block.Preformatted pre
                    && out.get(out.size() - 1) instanceof Block.Preformatted prev && joinable(prev, pre)) {
                int gap = i < blanks.size() ? Math.max(1, blanks.get(i)) : 1;
                out.set(out.size() - 1, new Block.Preformatted(prev.text() + "\n".repeat(gap + 1) + pre.text(),
                        joinedKind(prev.kind(), pre.kind())));
            } else {
                out.add(b);
            }
        }
        return out;
    }

    /** What a joined block looks like: code if either part is code, else the more telling kind. */
    private static PreKind joinedKind(PreKind first, PreKind second) {
        if (first == PreKind.CODE || second == PreKind.CODE) {
            return PreKind.CODE;
        }
        boolean plain = first == PreKind.RAGGED || first == PreKind.DISPLAY;
        return plain && second != PreKind.DISPLAY ? second : first;
    }

    private static boolean joinable(Block.Preformatted prev, Block.Preformatted next) {
        if (prev.kind() != PreKind.RAGGED && next.kind() != PreKind.RAGGED) {
            return true;
        }
        int indent = indent(next.text());
        return indent > 0 && indent == indent(prev.text());
    }

    /** The smallest indentation of a block's non-blank lines. */
    private static int indent(String text) {
        int min = Integer.MAX_VALUE;
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                min = Math.min(min, line.length() - line.stripLeading().length());
            }
        }
        return min == Integer.MAX_VALUE ? 0 : min;
    }

    private static String joinLines(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            if (!sb.isEmpty()) {
                sb.append('\n');
            }
            sb.append(line.text());
        }
        return sb.toString();
    }

    private static String reflow(List<Line> lines) {
        StringBuilder sb = new StringBuilder();
        for (Line line : lines) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(line.content());
        }
        return sb.toString();
    }

    /** An item being collected. */
    private static final class ItemBuilder {
        final ListMarker marker;
        final StringBuilder text;
        final List<Block> children = new ArrayList<>();
        /** Blank lines before each child, for joining a listing cut by blank lines. */
        final List<Integer> blanks = new ArrayList<>();

        ItemBuilder(ListMarker marker) {
            this.marker = marker;
            this.text = new StringBuilder(marker.text());
        }

        ListItem build() {
            return new ListItem(marker.marker(), text.toString(), mergePreformatted(children, blanks));
        }

        void add(List<Block> blocks, int blanksBefore) {
            for (int k = 0; k < blocks.size(); k++) {
                children.add(blocks.get(k));
                blanks.add(k == 0 ? blanksBefore : 1);
            }
        }
    }
}
