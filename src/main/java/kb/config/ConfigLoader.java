package kb.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;

/** Reads a source tree's {@code _config.yml} (or {@code _config.yaml}) into a {@link SiteConfig}. */
public final class ConfigLoader {

    private final YamlLoader yaml = new YamlLoader();

    /**
     * Reads the configuration of the source folder for a build: the defaults when there is no
     * file, empty when the file is not valid (its errors reported). A build must not go on with
     * the defaults then: they would publish what the file excludes, at the wrong base URL.
     */
    public Optional<SiteConfig> read(Path sourceDir, Diagnostics diagnostics) {
        for (String name : List.of("_config.yml", "_config.yaml")) {
            Path file = sourceDir.resolve(name);
            if (Files.isRegularFile(file)) {
                return read(file, Display.of(file), diagnostics);
            }
        }
        return Optional.of(SiteConfig.defaults());
    }

    /**
     * Loads the configuration of the source folder for a command that writes nothing
     * ({@code kb stats}): a missing file gives the defaults; an invalid one reports an error and
     * gives the defaults, so that the command can still show what it can.
     */
    public SiteConfig load(Path sourceDir, Diagnostics diagnostics) {
        return read(sourceDir, diagnostics).orElse(SiteConfig.defaults());
    }

    Optional<SiteConfig> read(Path file, String displayName, Diagnostics diagnostics) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Diagnostics own = diagnostics.child();
        Map<String, SourcePosition> keys = keyPositions(text, displayName);
        Optional<SiteConfig> config = yaml.loadMapping(text, displayName, 1, own)
                .map(values -> fromValues(values, displayName, keys, own));
        // A key of the wrong type that decides what is published, or where, is an error: the
        // build must not go on without it.
        return own.hasErrors() ? Optional.empty() : config;
    }

    /**
     * Builds the typed view over a parsed mapping: a key of the wrong type is ignored, with a
     * warning for the title and description and an error for the keys that decide what is
     * published where ({@code url}, {@code baseurl}, {@code exclude}, {@code include},
     * {@code permalink}).
     */
    public SiteConfig fromValues(Map<String, Object> values, String displayName, Diagnostics diagnostics) {
        return fromValues(values, displayName, Map.of(), diagnostics);
    }

    private SiteConfig fromValues(Map<String, Object> values, String displayName, Map<String, SourcePosition> keys,
            Diagnostics diagnostics) {
        Function<String, SourcePosition> at = key -> keys.getOrDefault(key, SourcePosition.of(displayName));
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.values().removeIf(java.util.Objects::isNull);
        return new SiteConfig(
                string(values, "title", "", at, diagnostics, false),
                string(values, "description", "", at, diagnostics, false),
                string(values, "url", "", at, diagnostics, true),
                string(values, "baseurl", "", at, diagnostics, true),
                strings(values, "exclude", at, diagnostics),
                strings(values, "include", at, diagnostics),
                string(values, "permalink", "date", at, diagnostics, true),
                all, keys);
    }

    /** A top-level key: a line that starts with a plain (unquoted) key and a colon. */
    private static final Pattern TOP_LEVEL_KEY = Pattern.compile("^([^\\s#:'\"\\[\\]{}&*!|>%@`-][^:\\n]*?)[ \\t]*:(?:[ \\t]|$)",
            Pattern.MULTILINE);

    /** Where each top-level key is written (its line, column 1); the first one wins, as a warning should show. */
    private static Map<String, SourcePosition> keyPositions(String text, String file) {
        Map<String, SourcePosition> keys = new LinkedHashMap<>();
        Matcher m = TOP_LEVEL_KEY.matcher(text);
        int line = 1;
        int counted = 0;
        while (m.find()) {
            for (int i = counted; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            counted = m.start();
            keys.putIfAbsent(m.group(1), new SourcePosition(file, line, 1));
        }
        return keys;
    }

    private static String string(Map<String, Object> values, String key, String fallback,
            Function<String, SourcePosition> at, Diagnostics diagnostics, boolean required) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            if (required) {
                diagnostics.error(at.apply(key), "'" + key + "' must be a single value");
            } else {
                diagnostics.warning(at.apply(key), "'" + key + "' should be a single value; ignored");
            }
            return fallback;
        }
        return String.valueOf(v);
    }

    private static List<String> strings(Map<String, Object> values, String key, Function<String, SourcePosition> at,
            Diagnostics diagnostics) {
        Object v = values.get(key);
        List<String> result = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).forEach(result::add);
        } else if (v instanceof String s) {
            result.add(s);
        } else if (v != null) {
            diagnostics.error(at.apply(key), "'" + key + "' must be a list of names");
        }
        return result;
    }
}
