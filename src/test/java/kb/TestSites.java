package kb;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies fixture sites from {@code src/test/resources/sites} into a test's temporary folder. */
public final class TestSites {

    private TestSites() {
    }

    /** The fixture folder {@code src/test/resources/sites/<name>}. */
    public static Path fixture(String name) {
        return Path.of("src/test/resources/sites", name).toAbsolutePath();
    }

    /** Copies fixture {@code name} to {@code target} (created) and returns {@code target}. */
    public static Path copy(String name, Path target) {
        return copyTree(fixture(name), target);
    }

    /** Copies the folder {@code from} with all it holds to {@code target} (created) and returns {@code target}. */
    public static Path copyTree(Path from, Path target) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path to = target.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.createDirectories(to.getParent());
                    Files.copy(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Reads a file as UTF-8. */
    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file below {@code root} with its text (UTF-8), by path relative to it, sorted. */
    public static java.util.Map<String, String> files(Path root) throws IOException {
        java.util.Map<String, String> files = new java.util.TreeMap<>();
        try (java.util.stream.Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(f).toString(), Files.readString(f));
            }
        }
        return files;
    }

    /** Deletes a folder and all it holds (links deleted, not followed); nothing when it is not there. */
    public static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
