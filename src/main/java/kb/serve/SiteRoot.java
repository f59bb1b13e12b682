package kb.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * The site folder served, which a build may replace at any moment: {@code kb build} writes the
 * new site beside it, renames {@code site} away and the new folder to {@code site}. Every lookup
 * goes by the path, never by a folder resolved earlier, so the new site is served from the
 * moment it is there. For the microseconds between the two renames there is no folder at the
 * path; a lookup then waits for it ({@link #SWAP_WAIT_MS} at most), and a lookup that finds
 * nothing while the folder was replaced under it looks again in the new one: a file that both
 * sites have is never missing. Thread-safe.
 */
final class SiteRoot {

    /**
     * How long a lookup waits for a folder being swapped in: a swap takes microseconds, but the
     * build's thread may be preempted between its two renames on a busy machine.
     */
    static final long SWAP_WAIT_MS = 1000;
    /** Lookups of one request at most (a swap during each of them is already most unlikely). */
    private static final int ATTEMPTS = 10;

    private final Path path;
    /** Whether the file system has the "unix" attribute view (a folder's change time). */
    private final boolean unix;
    /**
     * Whether a lookup waited the whole {@link #SWAP_WAIT_MS} and no folder came: not a swap (a
     * build stopped between its renames, the folder deleted). Until one is there again, lookups
     * do not wait.
     */
    private volatile boolean gone;
    /** Pages shown before the build that writes them ({@link #preview}), by path below the folder. */
    private volatile Map<String, Preview> previews = Map.of();

    /** A previewed page: its bytes, and when it was made (its Last-Modified). */
    record Preview(byte[] bytes, java.time.Instant made) {
    }

    SiteRoot(Path path) {
        this.path = path;
        this.unix = path.getFileSystem().supportedFileAttributeViews().contains("unix");
    }

    /**
     * Serves these pages, by path below the site folder ({@code kb/319/Q319864/index.html}), in
     * place of the files until {@link #clearPreviews()}: {@code kb serve --watch} shows edited
     * articles before the build that writes them is done. Pages already previewed stay unless
     * given again.
     */
    synchronized void preview(Map<String, byte[]> pages) {
        java.time.Instant now = java.time.Instant.now();
        Map<String, Preview> all = new java.util.HashMap<>(previews);
        pages.forEach((path, bytes) -> all.put(path, new Preview(bytes, now)));
        previews = Map.copyOf(all);
    }

    /** Serves the files again: the build is done (or failed, and the site in place is the last good one). */
    synchronized void clearPreviews() {
        previews = Map.of();
    }

    /** The previewed page at a path below the site folder, if any. */
    java.util.Optional<Preview> previewed(String path) {
        return java.util.Optional.ofNullable(previews.get(path));
    }

    /**
     * The site folder as it is served: reached through the real paths of the folders that hold
     * it, where the path given may pass through a symbolic link ({@code /tmp} on macOS, a linked
     * home or project folder). Jetty refuses every file whose real path differs from its path, an
     * alias, so through a linked parent each page was a 404. The folder keeps its own name, not
     * where it leads, because a build replaces the folder at that name; a folder that is itself a
     * link (one that {@code kb build} refuses as its output, such as a deployment's "current"
     * link) is served where it led at start.
     */
    static Path servedFolder(Path site) {
        Path absolute = site.toAbsolutePath().normalize();
        try {
            if (Files.isSymbolicLink(absolute) || absolute.getParent() == null) {
                return absolute.toRealPath();
            }
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve " + site + ": " + e.getMessage(), e);
        }
    }

    /** The path of the site folder. */
    Path path() {
        return path;
    }

    /**
     * Which folder is at the path now, or {@code null} while there is none: its file key (device
     * and inode on Unix) and, where the file system has it, its change time, which a rename sets.
     * The inode alone would miss a folder swapped out and back in during one lookup (a build's
     * spare and site folders take turns at the path).
     */
    Object identity() {
        try {
            if (unix) {
                // One stat for all three.
                Map<String, Object> a = Files.readAttributes(path, "unix:isDirectory,fileKey,ctime");
                return Boolean.TRUE.equals(a.get("isDirectory")) ? List.of(a.get("fileKey"), a.get("ctime")) : null;
            }
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.isDirectory()) {
                return null;
            }
            // Without file keys (some file systems), the creation time tells folders apart.
            return attributes.fileKey() != null ? attributes.fileKey() : attributes.creationTime();
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return null;
        }
    }

    /** {@link #identity()}, waiting up to {@link #SWAP_WAIT_MS} while there is no folder. */
    private Object awaitIdentity() {
        Object identity = identity();
        if (identity == null && !gone) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SWAP_WAIT_MS);
            while (identity == null && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
                identity = identity();
            }
            gone = identity == null;
        } else if (identity != null && gone) {
            gone = false;
        }
        return identity;
    }

    /** The text of a file of the site ({@code 404.html}), or {@code null} when it has none. */
    String read(String file) {
        return find(() -> readOrNull(path.resolve(file)));
    }

    /** A file's text, or {@code null} when there is none (also when it vanishes as it is opened). */
    static String readOrNull(Path file) {
        try {
            // Leniently: a page copied as it was need not be UTF-8, and a bad byte must not fail
            // the answer it is read for (the 404 page).
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Runs a lookup of something in the site ({@code null}: not found). A lookup that finds
     * nothing is run again when the folder was replaced or missing meanwhile, so that "not found"
     * is the answer of one whole site.
     */
    <T> T find(Supplier<T> lookup) {
        for (int attempt = 1; ; attempt++) {
            Object before = awaitIdentity();
            T found = lookup.get();
            // No folder even after waiting: not a swap (a build stopped half-way, the folder
            // deleted), so nothing to wait for again.
            if (found != null || attempt == ATTEMPTS || before == null) {
                return found;
            }
            Object after = identity();
            if (before != null && before.equals(after)) {
                return null;
            }
        }
    }
}
