package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The output folder of a build. Every write is checked to stay inside it. Files are overwritten
 * in place and, once the build has written everything, {@link #prune} deletes what an earlier
 * build left that this one did not write, so no stale page lingers (cheaper than emptying the
 * folder first: most files of a rebuild already exist).
 */
final class OutputFolder {

    private final Path root;
    /** Folders known to exist: most pages share their parents' parents, and probing costs a system call each. */
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();

    OutputFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    /** Whether the folder is missing or holds nothing. */
    boolean isEmpty() {
        if (!Files.isDirectory(root)) {
            return true;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Whether the folder was empty when the build began: then no reader can see an old version
     * of a file, and files are written in place rather than through a temporary file and a move
     * (two system calls fewer for each of 68,000 files of a clean archive build).
     */
    private volatile boolean fresh;

    /** Creates the folder if needed. */
    void prepare() {
        fresh = isEmpty();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + root, e);
        }
    }

    /**
     * Deletes every file below the folder that is not in {@code keep} (paths relative to the
     * folder, with {@code /}), and the folders left empty.
     */
    void prune(java.util.Set<String> keep) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = root.relativize(file).toString().replace('\\', '/');
                    if (!keep.contains(rel)) {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    if (!dir.equals(root)) {
                        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                            if (!entries.iterator().hasNext()) {
                                Files.delete(dir);
                            }
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean the output folder " + root, e);
        }
    }

    /** Deletes a file below the folder, if it is there, and the folders it leaves empty. */
    void delete(String relativePath) {
        Path target = resolve(relativePath);
        try {
            if (Files.isRegularFile(target)) {
                Files.delete(target);
            }
            for (Path dir = target.getParent(); dir != null && !dir.equals(root); dir = dir.getParent()) {
                try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                    if (entries.iterator().hasNext()) {
                        break;
                    }
                }
                Files.delete(dir);
                folders.remove(dir);
            }
        } catch (java.nio.file.NoSuchFileException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + target, e);
        }
    }

    /**
     * Writes a text file at a path below the folder: into a temporary file beside it, then moved
     * over it, so that a server reading the folder during a build sees the old page or the new
     * one, never half of one (in place when the folder was empty: there is no old page).
     */
    void write(String relativePath, String content) {
        write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes at a path below the folder, as {@link #write(String, String)}. */
    void write(String relativePath, byte[] content) {
        Path target = resolve(relativePath);
        try {
            createParents(target);
            if (Files.isDirectory(target)) {
                deleteTree(target);
                folders.removeIf(p -> p.startsWith(target));
            }
            if (fresh) {
                Files.write(target, content);
                return;
            }
            Path temp = target.resolveSibling(".kb-" + target.getFileName() + "." + Thread.currentThread().threadId() + ".tmp");
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** Copies a file to a path below the folder. */
    void copy(Path from, String relativePath) {
        Path target = resolve(relativePath);
        try {
            createParents(target);
            if (Files.isDirectory(target)) {
                deleteTree(target);
                folders.removeIf(p -> p.startsWith(target));
            }
            Files.copy(from, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + target, e);
        }
    }

    /** Creates the parent folders of a target, deleting a stale file that stands in the way. */
    private void createParents(Path target) throws IOException {
        Path parent = target.getParent();
        if (folders.contains(parent)) {
            return;
        }
        if (Files.isDirectory(parent)) {
            folders.add(parent);
            return;
        }
        for (Path p = parent; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                Files.delete(p);
                break;
            }
        }
        Files.createDirectories(parent);
        folders.add(parent);
    }

    private Path resolve(String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + relativePath);
        }
        return target;
    }

    private static void deleteTree(Path path) throws IOException {
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
