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
        return yaml.loadMapping(text, displayName, 1, diagnostics)
                .map(values -> fromValues(values, displayName, diagnostics));
    }

    /** Builds the typed view over a parsed mapping, warning about keys of the wrong type. */
    public SiteConfig fromValues(Map<String, Object> values, String displayName, Diagnostics diagnostics) {
        Map<String, Object> all = new LinkedHashMap<>(values);
        all.values().removeIf(java.util.Objects::isNull);
        return new SiteConfig(
                string(values, "title", "", displayName, diagnostics),
                string(values, "description", "", displayName, diagnostics),
                string(values, "url", "", displayName, diagnostics),
                string(values, "baseurl", "", displayName, diagnostics),
                strings(values, "exclude", displayName, diagnostics),
                strings(values, "include", displayName, diagnostics),
                string(values, "permalink", "date", displayName, diagnostics),
                all);
    }

    private static String string(Map<String, Object> values, String key, String fallback,
            String file, Diagnostics diagnostics) {
        Object v = values.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            diagnostics.warning(SourcePosition.of(file), "'" + key + "' should be a single value; ignored");
            return fallback;
        }
        return String.valueOf(v);
    }

    private static List<String> strings(Map<String, Object> values, String key, String file,
            Diagnostics diagnostics) {
        Object v = values.get(key);
        List<String> result = new ArrayList<>();
        if (v instanceof List<?> list) {
            list.stream().filter(java.util.Objects::nonNull).map(String::valueOf).forEach(result::add);
        } else if (v instanceof String s) {
            result.add(s);
        } else if (v != null) {
            diagnostics.warning(SourcePosition.of(file), "'" + key + "' should be a list of names; ignored");
        }
        return result;
    }
}
