package kb.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Expands the command line's files and folders into the text files to import, in a fixed order:
 * the arguments in the order given, a folder's {@code *.TXT} / {@code *.txt} files (any depth)
 * sorted by path. A file named more than once is imported once. Thread-safe.
 */
public final class InputFiles {

    /**
     * The files to import.
     *
     * @throws IllegalArgumentException if an argument does not exist
     * @throws UncheckedIOException if a folder cannot be read
     */
    public List<Path> expand(List<Path> arguments) {
        Set<Path> seen = new LinkedHashSet<>();
        List<Path> files = new ArrayList<>();
        for (Path argument : arguments) {
            if (Files.isDirectory(argument)) {
                for (Path file : walk(argument)) {
                    if (seen.add(file.toAbsolutePath().normalize())) {
                        files.add(file);
                    }
                }
            } else if (Files.isRegularFile(argument)) {
                if (seen.add(argument.toAbsolutePath().normalize())) {
                    files.add(argument);
                }
            } else {
                throw new IllegalArgumentException("input " + argument + " does not exist");
            }
        }
        return files;
    }

    private static List<Path> walk(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".txt"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read folder " + folder + ": " + e.getMessage(), e);
        }
    }
}
