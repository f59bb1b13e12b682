package kb.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import kb.diag.Diagnostics;
import kb.diag.SourcePosition;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Loads YAML mappings (front matter, {@code _config.yml}) with SnakeYAML Engine and turns YAML
 * errors into diagnostics that point at the line and column in the enclosing file.
 * Thread-safe: each call builds its own loader, which is cheap next to parsing.
 */
public final class YamlLoader {

    /**
     * Parses {@code yaml} as one mapping.
     *
     * @param yaml      the YAML text
     * @param file      the file name to show in diagnostics
     * @param firstLine the 1-based line of the file where {@code yaml} starts
     * @return the mapping (empty for empty text), or empty when the text is not a valid mapping,
     *     in which case an error was reported
     */
    public Optional<Map<String, Object>> loadMapping(String yaml, String file, int firstLine,
            Diagnostics diagnostics) {
        if (yaml.isBlank()) {
            return Optional.of(Map.of());
        }
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setAllowDuplicateKeys(true) // Jekyll (Psych) accepts them: the last one wins
                .setUseMarks(true)
                .build();
        Object value;
        try {
            value = new Load(settings).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            diagnostics.error(position(e, yaml, file, firstLine), "invalid YAML: " + describe(e));
            return Optional.empty();
        } catch (YamlEngineException e) {
            diagnostics.error(new SourcePosition(file, firstLine, 1), "invalid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (value == null) {
            return Optional.of(Map.of());
        }
        if (!(value instanceof Map<?, ?> map)) {
            diagnostics.error(new SourcePosition(file, firstLine, 1),
                    "YAML must be a mapping of keys to values, found " + describe(value));
            return Optional.empty();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return Optional.of(result);
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
        int line = firstLine + mark.map(Mark::getLine).orElse(0);
        int column = 1 + mark.map(Mark::getColumn).orElse(0);
        return new SourcePosition(file, line, column);
    }

    private static String describe(MarkedYamlEngineException e) {
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        return context.isEmpty() ? problem : problem.isEmpty() ? context : context + ": " + problem;
    }

    private static String describe(Object value) {
        return value instanceof java.util.List<?> ? "a list" : "a single value '" + value + "'";
    }
}
