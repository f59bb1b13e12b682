package kb.jekyll;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import kb.config.YamlLoader;
import kb.diag.Diagnostics;
import kb.diag.Display;
import kb.diag.SourcePosition;
import kb.json.KbJson;

/**
 * {@code _data/} as Jekyll gives it to Liquid ({@code site.data}): each {@code .yml}/{@code .yaml},
 * {@code .json}, {@code .csv} and {@code .tsv} file under its name without extension, folders as
 * nested maps ({@code _data/shortcuts/desktop.yml} is {@code site.data.shortcuts.desktop}). CSV and
 * TSV files are lists of rows, each a map from the header's names to strings, as Ruby's CSV reads
 * them. A file that cannot be read is reported and left out.
 */
public final class DataFiles {


    private DataFiles() {
    }

    /** The data of {@code folder} (usually the source's {@code _data}); empty if it does not exist. */
    public static Map<String, Object> read(Path folder, Diagnostics diagnostics) {
        if (!Files.isDirectory(folder)) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        List<Path> entries;
        try (Stream<Path> list = Files.list(folder)) {
            entries = list.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
        for (Path entry : entries) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.startsWith("_") || name.endsWith("~")) {
                continue;
            }
            if (Files.isDirectory(entry)) {
                data.put(name, read(entry, diagnostics));
                continue;
            }
            int dot = name.lastIndexOf('.');
            if (dot <= 0) {
                continue;
            }
            String ext = name.substring(dot + 1).toLowerCase(Locale.ROOT);
            read(entry, ext, diagnostics).ifPresent(value -> data.put(name.substring(0, dot), value));
        }
        return data;
    }

    private static Optional<Object> read(Path file, String ext, Diagnostics diagnostics) {
        String shown = Display.of(file);
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            diagnostics.error(SourcePosition.of(shown), "cannot read this data file: " + e.getMessage());
            return Optional.empty();
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return switch (ext) {
            case "yml", "yaml" -> new YamlLoader().loadValue(text, shown, 1, diagnostics);
            case "json" -> json(text, shown, diagnostics);
            case "csv" -> Optional.of(rows(text, ','));
            case "tsv" -> Optional.of(rows(text, '\t'));
            default -> Optional.empty();
        };
    }

    private static Optional<Object> json(String text, String shown, Diagnostics diagnostics) {
        try {
            return Optional.ofNullable(KbJson.reader().forType(Object.class).readValue(text));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            diagnostics.error(at == null ? SourcePosition.of(shown)
                    : new SourcePosition(shown, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr())),
                    "invalid JSON: " + e.getOriginalMessage());
            return Optional.empty();
        }
    }

    /** The rows of a CSV (or TSV) text under its header: quoted fields, doubled quotes, line breaks in quotes. */
    static List<Map<String, Object>> rows(String text, char separator) {
        List<List<String>> records = records(text, separator);
        if (records.isEmpty()) {
            return List.of();
        }
        List<String> header = records.get(0);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (List<String> record : records.subList(1, records.size())) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < record.size() ? record.get(i) : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<List<String>> records(String text, char separator) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                any = true;
            } else if (c == separator) {
                record.add(field.toString());
                field.setLength(0);
                any = true;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                if (any || !field.isEmpty()) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
            } else {
                field.append(c);
                any = true;
            }
        }
        if (any || !field.isEmpty()) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
