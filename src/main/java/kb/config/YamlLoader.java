package kb.config;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.diag.CodePoints;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.NodeType;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Loads YAML mappings (front matter, {@code _config.yml}) with SnakeYAML Engine and turns YAML
 * errors into diagnostics that point at the line and column in the enclosing file.
 *
 * <p>YAML written by anyone must not cost more than it is worth: its size is capped (SnakeYAML's
 * code point limit), its nesting ({@link #MAX_DEPTH}: SnakeYAML builds nested collections
 * recursively, and 10,000 levels overflow the stack), and what its aliases expand to
 * ({@link #MAX_EXPANSION}: 48 aliases in 781 bytes can stand for gigabytes of text once anything
 * walks the values, the "billion laughs"). A collection that contains itself through an alias is
 * refused too: nothing that walks it would end. Thread-safe: each call builds its own loader,
 * which is cheap next to parsing.
 */
public final class YamlLoader {

    /** The deepest a mapping may nest lists and mappings; front matter and configuration nest two or three. */
    static final int MAX_DEPTH = 100;

    /**
     * How many characters a mapping with aliases may stand for, written out without them: 1 MiB,
     * or twice its text when that is more. Front matter and configuration use aliases, if ever,
     * to share a few defaults.
     */
    static final int MAX_EXPANSION = 1 << 20;

    /** The largest YAML text read: 3 MiB code points (SnakeYAML's default), a thousand times a large front matter. */
    static final int MAX_CODE_POINTS = 3 << 20;

    /**
     * Parses {@code yaml} as one mapping.
     *
     * @param yaml      the YAML text
     * @param file      the file name to show in diagnostics
     * @param firstLine the 1-based line of the file where {@code yaml} starts
     * @return the mapping (empty for empty text), or empty when the text is not a valid mapping,
     *     in which case an error was reported
     */
    @SuppressWarnings("unchecked")
    public Optional<Map<String, Object>> loadMapping(String yaml, String file, int firstLine,
            Diagnostics diagnostics) {
        return load(yaml, file, firstLine, true, diagnostics).map(v -> (Map<String, Object>) v);
    }

    /**
     * Parses {@code yaml} as one value of any kind (a {@code _data} file may be a list), with the
     * same limits and diagnostics as {@link #loadMapping}.
     *
     * @return the value (an empty map for empty text), or empty when the text is not valid YAML,
     *     in which case an error was reported
     */
    public Optional<Object> loadValue(String yaml, String file, int firstLine, Diagnostics diagnostics) {
        return load(yaml, file, firstLine, false, diagnostics);
    }

    private Optional<Object> load(String yaml, String file, int firstLine, boolean mappingOnly,
            Diagnostics diagnostics) {
        if (yaml.isBlank()) {
            return Optional.of(Map.of());
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true) // Jekyll (Psych) accepts them: the last one wins
                .setUseMarks(true)
                .setCodePointLimit(MAX_CODE_POINTS)
                .build();
        Optional<Node> root;
        Limits limits;
        try {
            limits = new Limits(new ParserImpl(settings, new StreamReader(settings, yaml)));
            root = new Composer(settings, limits).getSingleNode();
        } catch (TooDeep e) {
            diagnostics.error(position(e.at, file, firstLine), String.format(Locale.ROOT,
                    "invalid YAML: lists and mappings nest more than %d levels deep here", MAX_DEPTH));
            return Optional.empty();
        } catch (ReaderException e) {
            diagnostics.error(readerPosition(e, yaml, file, firstLine), "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (MarkedYamlEngineException e) {
            diagnostics.error(position(e, yaml, file, firstLine), "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.error(new SourcePosition(file, firstLine, 1), "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root.isEmpty() || root.get() instanceof ScalarNode s && s.getTag().getValue().endsWith(":null")) {
            return Optional.of(Map.of());
        }
        if (mappingOnly && !(root.get() instanceof MappingNode)) {
            diagnostics.error(new SourcePosition(file, firstLine, 1),
                    "YAML must be a mapping of keys to values, found " + describe(root.get()));
            return Optional.empty();
        }
        MappingNode walked = root.get() instanceof MappingNode m ? m : new MappingNode(Tag.MAP,
                List.of(new NodeTuple(new ScalarNode(Tag.STR, "(the file)", ScalarStyle.PLAIN), root.get())),
                FlowStyle.BLOCK);
        if (limits.aliases && !withinExpansion(walked, Math.max(MAX_EXPANSION, 2L * yaml.length()), file,
                firstLine, diagnostics)) {
            return Optional.empty();
        }
        Object value;
        try {
            value = new StandardConstructor(settings).constructSingleDocument(root);
        } catch (MarkedYamlEngineException e) {
            diagnostics.error(position(e, yaml, file, firstLine), "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.error(new SourcePosition(file, firstLine, 1), "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (!(value instanceof Map<?, ?> map)) {
            return Optional.ofNullable(value);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return Optional.of(result);
    }

    /**
     * Whether the mapping, its aliases expanded, stays within {@code limit} characters (about
     * what it would take written out without aliases). Walks the nodes as the values would be
     * walked, without building them, and stops as soon as the limit is passed: at most
     * {@code limit} steps. Reports the key whose value passes it, or refers to itself.
     */
    private static boolean withinExpansion(MappingNode mapping, long limit, String file, int firstLine,
            Diagnostics diagnostics) {
        long total = 0;
        Deque<Node> pending = new ArrayDeque<>();
        for (NodeTuple entry : mapping.getValue()) {
            pending.push(entry.getValueNode());
            total += weight(entry.getKeyNode());
            while (!pending.isEmpty() && total <= limit) {
                Node node = pending.pop();
                if (node.isRecursive()) {
                    diagnostics.error(position(entry.getKeyNode(), file, firstLine),
                            "invalid YAML: " + key(entry) + " contains itself through an alias");
                    return false;
                }
                total += weight(node);
                if (node instanceof SequenceNode sequence) {
                    sequence.getValue().forEach(pending::push);
                } else if (node instanceof MappingNode map) {
                    for (NodeTuple t : map.getValue()) {
                        pending.push(t.getKeyNode());
                        pending.push(t.getValueNode());
                    }
                }
            }
            if (total > limit) {
                diagnostics.error(position(entry.getKeyNode(), file, firstLine), String.format(Locale.ROOT,
                        "invalid YAML: aliases expand %s to more than %,d characters", key(entry), limit));
                return false;
            }
        }
        return true;
    }

    /** What a node adds when written out: a scalar its text, a collection its brackets. */
    private static long weight(Node node) {
        return node instanceof ScalarNode s ? s.getValue().length() + 2L : 2L;
    }

    private static String key(NodeTuple entry) {
        return entry.getKeyNode() instanceof ScalarNode s ? "'" + s.getValue() + "'" : "a key";
    }

    private static SourcePosition position(Node node, String file, int firstLine) {
        return position(node.getStartMark(), file, firstLine);
    }

    private static SourcePosition position(Optional<Mark> mark, String file, int firstLine) {
        return new SourcePosition(file, firstLine + mark.map(Mark::getLine).orElse(0),
                1 + mark.map(Mark::getColumn).orElse(0));
    }

    /** Where the character SnakeYAML refused is: its position counts code points. */
    private static SourcePosition readerPosition(ReaderException e, String yaml, String file, int firstLine) {
        int offset;
        try {
            offset = yaml.offsetByCodePoints(0, Math.max(0, e.getPosition()));
        } catch (IndexOutOfBoundsException outside) {
            offset = 0;
        }
        return SourcePosition.at(file, yaml, offset, firstLine);
    }

    /** "control character U+0007 (BEL) is not allowed", naming what SnakeYAML calls special. */
    private static String describe(ReaderException e) {
        int c = e.getCodePoint();
        return (Character.isISOControl(c) ? "control character " : "character ") + CodePoints.describe(c)
                + " is not allowed";
    }

    /**
     * Where to point for a YAML error: where the problem was noticed, unless that is the end of
     * the text (an unterminated quote or bracket), where the construct that never ended began is
     * more useful.
     */
    private static SourcePosition position(MarkedYamlEngineException e, String yaml, String file,
            int firstLine) {
        Optional<Mark> problem = e.getProblemMark();
        Optional<Mark> context = e.getContextMark();
        boolean atEnd = problem.map(m -> m.getIndex() >= yaml.stripTrailing().length()).orElse(true);
        Optional<Mark> mark = atEnd && context.isPresent() ? context : problem.or(() -> context);
        return position(mark, file, firstLine);
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
    }

    private static String describe(Node node) {
        return node.getNodeType() == NodeType.SEQUENCE ? "a list"
                : node instanceof ScalarNode s ? "a single value '" + s.getValue() + "'" : "a " + node.getNodeType();
    }

    /**
     * The parser's events, counted on their way to the composer: how deep collections nest (the
     * composer recurses once per level, so it must not see more than {@link #MAX_DEPTH}), and
     * whether there is an alias at all (without one, nothing expands).
     */
    private static final class Limits implements Parser {
        private final Parser parser;
        private int depth;
        boolean aliases;

        Limits(Parser parser) {
            this.parser = parser;
        }

        @Override
        public boolean checkEvent(Event.ID id) {
            return parser.checkEvent(id);
        }

        @Override
        public Event peekEvent() {
            return parser.peekEvent();
        }

        @Override
        public boolean hasNext() {
            return parser.hasNext();
        }

        @Override
        public Event next() {
            Event event = parser.next();
            switch (event.getEventId()) {
                case SequenceStart, MappingStart -> {
                    if (++depth > MAX_DEPTH) {
                        throw new TooDeep(event.getStartMark());
                    }
                }
                case SequenceEnd, MappingEnd -> depth--;
                case Alias -> aliases = true;
                default -> {
                }
            }
            return event;
        }
    }

    /** Collections nest deeper than {@link #MAX_DEPTH}, at {@code at}. */
    private static final class TooDeep extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient Optional<Mark> at;

        TooDeep(Optional<Mark> at) {
            super(null, null, false, false);
            this.at = at;
        }
    }
}
