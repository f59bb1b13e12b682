package kb.corpus;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real KB archive in {@code ../shared/corpus} (or {@code $KB_CORPUS}), extracted at test time
 * into {@code target/corpus}. Never copied into the repository. Tests using it are skipped with a
 * message when it is absent, as in a user's clone.
 */
public final class DevCorpus {

    private static final Path TARGET = Path.of("target", "corpus");

    private DevCorpus() {
    }

    /** The folder holding the corpus archives; skips the calling test when there is none. */
    public static Path archives() {
        Path dir = Path.of(System.getenv().getOrDefault("KB_CORPUS", "../shared/corpus"));
        boolean present = Files.isRegularFile(dir.resolve("kbarchive-dev-sources.tar.gz"));
        String message = "corpus checks skipped: " + dir.toAbsolutePath().normalize()
                + " has no kbarchive-dev-sources.tar.gz (set KB_CORPUS to its folder)";
        if (!present) {
            System.out.println("[kb] " + message); // surefire shows class-level skips as 0 tests
        }
        assumeTrue(present, message);
        return dir;
    }

    /** The Jekyll source tree, extracted once. */
    public static Path sources() {
        return extract("kbarchive-dev-sources.tar.gz", "sources");
    }

    /** Jekyll's rendering of every 10th article ({@code reference/kb/...}), extracted once. */
    public static Path reference() {
        return extract("kbarchive-dev-jekyll-reference.tar.gz", "reference").resolve("reference");
    }

    /** The raw TXT files ({@code txt/NNN/QNNNNNN.TXT}), extracted once. */
    public static Path txt() {
        return extract("kbarchive-dev-txt.tar.gz", "txt").resolve("txt");
    }

    private static synchronized Path extract(String archive, String name) {
        Path from = archives().resolve(archive);
        Path into = TARGET.resolve(name);
        Path done = TARGET.resolve(name + ".extracted");
        try {
            if (Files.exists(done)) {
                return into;
            }
            Files.createDirectories(into);
            Process tar = new ProcessBuilder("tar", "-xzf", from.toAbsolutePath().toString(), "-C", into.toString())
                    .inheritIO().start();
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("tar failed on " + from);
            }
            Files.writeString(done, archive);
            return into;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
