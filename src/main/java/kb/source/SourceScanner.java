package kb.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
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

    /**
     * All readable files below {@code sourceDir}, sorted by relative path. Folders are listed in
     * parallel: an archive keeps each article in a folder of its own, and 60,000 folders listed
     * one after the other take seconds of a rebuild that has little else to do.
     */
    public List<SourceFile> scan(Path sourceDir) {
        Path root = sourceDir.toAbsolutePath().normalize();
        List<SourceFile> files;
        try {
            files = folder(root, root);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read the source folder " + root, e.getCause());
        }
        files.sort(Comparator.comparing(SourceFile::relativePath));
        return files;
    }

    /** The files below one folder, its subfolders listed in parallel (links are not followed). */
    private List<SourceFile> folder(Path root, Path dir) {
        List<SourceFile> files = new ArrayList<>();
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path entry : entries) {
                BasicFileAttributes attrs = Files.readAttributes(entry, BasicFileAttributes.class,
                        LinkOption.NOFOLLOW_LINKS);
                String rel = relative(root, entry);
                if (attrs.isDirectory()) {
                    if (!skipped.contains(entry) && filter.accepts(rel)) {
                        folders.add(entry);
                    }
                } else if (attrs.isRegularFile() && filter.accepts(rel)) {
                    files.add(new SourceFile(entry, rel, Display.of(entry), attrs.size(),
                            attrs.lastModifiedTime().toMillis()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.addAll(folders.parallelStream().flatMap(f -> folder(root, f).stream()).toList());
        return files;
    }

    private static String relative(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }
}
