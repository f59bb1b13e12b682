package kb.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import kb.diag.Display;

/**
 * Lists the files of a source tree that a build reads, in a stable order. Folders the build
 * writes to (site, index) are never read, even when they lie inside the source folder.
 */
public final class SourceScanner {

    private final EntryFilter filter;
    private final Set<Path> skipped;

    /**
     * @param filter  which entries to read
     * @param skipped absolute folders never to enter (the output folders)
     */
    public SourceScanner(EntryFilter filter, Set<Path> skipped) {
        this.filter = filter;
        this.skipped = Set.copyOf(skipped.stream().map(p -> p.toAbsolutePath().normalize()).toList());
    }

    /** All readable files below {@code sourceDir}, sorted by relative path. */
    public List<SourceFile> scan(Path sourceDir) {
        Path root = sourceDir.toAbsolutePath().normalize();
        List<SourceFile> files = new ArrayList<>();
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (skipped.contains(dir) || !filter.accepts(relative(root, dir))) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String rel = relative(root, file);
                    if (attrs.isRegularFile() && filter.accepts(rel)) {
                        files.add(new SourceFile(file, rel, Display.of(file), attrs.size(),
                                attrs.lastModifiedTime().toMillis()));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source folder " + root, e);
        }
        files.sort(Comparator.comparing(SourceFile::relativePath));
        return files;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
