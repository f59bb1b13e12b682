package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The folder a build writes: the spare of {@link Publication}, which no reader sees until it is
 * swapped in. Every write is checked to stay inside it and never goes through a symbolic link
 * (a link in the way is deleted, not followed). A file is never changed in place once it exists:
 * it may be a hard link to the same file in the output folder, so it is deleted and written anew.
 */
final class OutputFolder {

    private final Path root;
    /** Folders known to exist: most pages share their parents' parents, and probing costs a system call each. */
    private final java.util.Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * Folders this build made, where there was none or something else stood (a file, a link):
     * nothing a record says was below them is there.
     */
    private final java.util.Set<Path> made = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /**
     * What this build deleted to make way for a file or folder (a file where a folder must be, a
     * folder where a file must be, and all below it): no longer as the spare's record says.
     */
    private final java.util.Set<Path> cleared = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** The locks under which folders are made, by the folder's hash ({@link #createParents}). */
    private final Object[] locks = new Object[64];

    /**
     * Folders (relative paths) whose entries are as the build that wrote this folder left them
     * ({@link SpareFolders}): the page folders in them are real folders, without a look at each.
     */
    private final java.util.Set<String> unchanged;

    OutputFolder(Path root) {
        this(root, java.util.Set.of());
    }

    /** An output folder of which {@code unchanged} folders are as recorded (see {@link SpareFolders#unchanged}). */
    OutputFolder(Path root, java.util.Set<String> unchanged) {
        this.root = root.toAbsolutePath().normalize();
        this.unchanged = unchanged;
        java.util.Arrays.setAll(locks, i -> new Object());
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
     * Whether the folder was empty when the build began: then nothing can stand where a file is
     * written, and the system call that would delete it is saved (68,000 files of a clean build).
     */
    private volatile boolean fresh;

    /**
     * Whether the file at {@code relativePath} is as it was before this build, as far as what the
     * build deleted to make way goes: false when it, or a folder above it, was cleared (the build
     * may have written a new file there since: the caller's records of what it wrote say so).
     */
    boolean untouched(String relativePath) {
        if (cleared.isEmpty()) {
            return true;
        }
        for (Path p = resolve(relativePath); p != null && p.startsWith(root) && !p.equals(root); p = p.getParent()) {
            if (cleared.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Creates the folder if needed. */
    void prepare() {
        fresh = isEmpty();
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output folder " + root, e);
        }
    }

    /** Deletes a file below the folder, if it is there, and the folders it leaves empty. */
    void delete(String relativePath) {
        Path target = resolve(relativePath);
        try {
            if (!realParents(target)) {
                return; // below a link or a file: not there (and never deleted through a link)
            }
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    && !Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
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

    /** Writes a text file at a path below the folder. */
    void write(String relativePath, String content) {
        write(relativePath, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes bytes at a path below the folder: a new file, whatever stood there before (a file, a
     * link, a folder) deleted first.
     */
    void write(String relativePath, byte[] content) {
        Path target = resolve(relativePath);
        try {
            clear(target);
            try {
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.delete(target); // written earlier in this build, in a folder that was empty
                Files.write(target, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * Makes the file at a path below the folder the same file as {@code from} (a hard link; a copy
     * where the file system has none). Whether it could: false when {@code from} is not a regular
     * file (missing, or a link).
     */
    boolean link(String relativePath, Path from) {
        if (!Files.isRegularFile(from, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        Path target = resolve(relativePath);
        try {
            clear(target);
            try {
                Files.createLink(target, from);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                Files.delete(target); // made earlier in this build, in a folder that was empty
                Files.createLink(target, from);
            } catch (UnsupportedOperationException e) {
                Files.copy(from, target, LinkOption.NOFOLLOW_LINKS);
            }
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot link " + from + " to " + target, e);
        }
    }

    /** Makes way for a new file at {@code target}: its folders made, whatever stands there deleted. */
    private void clear(Path target) throws IOException {
        createParents(target);
        if (fresh) {
            return; // the folder was empty: nothing stands in the way
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            cleared.add(target);
            deleteTree(target);
            folders.removeIf(p -> p.startsWith(target));
        } else {
            Files.deleteIfExists(target);
        }
    }

    /** Copies a file to a path below the folder. */
    void copy(Path from, String relativePath) {
        Path target = resolve(relativePath);
        try {
            clear(target);
            Files.copy(from, target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + target, e);
        }
    }

    /**
     * Creates the parent folders of a target, each checked without following links: a file or a
     * link standing where a folder must be is deleted (a link is never followed out of the folder).
     */
    private void createParents(Path target) throws IOException {
        Path parent = target.getParent();
        if (folders.contains(parent)) {
            return;
        }
        for (Path p = root.resolve(root.relativize(parent).getName(0)); ; p = p.resolve(parent.getName(p.getNameCount()))) {
            if (!folders.contains(p)) {
                // Once per folder and build, under the folder's lock; without it a thread could
                // find a folder another has just made but not yet counted as made (and trust a
                // record of a file in it), or delete the folder another made in place of a link.
                // Striped, not one lock: an incremental build checks 60,000 folders, each with a
                // system call, and one lock made the render stage's threads take turns.
                synchronized (locks[Math.floorMod(p.hashCode(), locks.length)]) {
                    if (!folders.contains(p)) {
                        if (makeFolder(p)) {
                            made.add(p); // before it is in folders: whoever sees it there sees this
                            cleared.add(p); // a file or link that stood there is gone
                        }
                        folders.add(p);
                    }
                }
            }
            if (p.equals(parent)) {
                return;
            }
        }
    }

    /**
     * Makes {@code p} a folder, deleting a file or link that stands there (one thread at a time
     * for each folder, see {@link #createParents}): whether it was made now.
     */
    private static boolean makeFolder(Path p) throws IOException {
        java.nio.file.attribute.BasicFileAttributes a;
        try {
            a = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException e) {
            a = null;
        }
        if (a != null && a.isDirectory()) {
            return false;
        }
        if (a != null) {
            Files.deleteIfExists(p);
        }
        try {
            Files.createDirectory(p);
        } catch (java.nio.file.FileAlreadyExistsException e) {
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                throw e;
            }
        }
        return true;
    }

    /**
     * Whether a file a record says is at {@code relativePath} can still be there: its folders are
     * folders (made now when missing, a file or link in the way deleted) and none was made by
     * this build.
     */
    boolean intact(String relativePath) {
        String leaf = SpareFolders.parentOf(relativePath);
        if (!leaf.isEmpty() && unchanged.contains(SpareFolders.parentOf(leaf)) && untouched(leaf)) {
            return true; // its folder is one its parent held when recorded, and this build left it alone
        }
        Path target = resolve(relativePath);
        try {
            createParents(target);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folders of " + target, e);
        }
        for (Path p = target.getParent(); !p.equals(root); p = p.getParent()) {
            if (made.contains(p)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every folder above {@code target} is a folder (not a link, not a file), without making any. */
    private boolean realParents(Path target) {
        for (Path p = target.getParent(); !p.equals(root); p = p.getParent()) {
            if (folders.contains(p)) {
                return true; // checked with its own parents
            }
            if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                return false;
            }
        }
        return true;
    }

    private Path resolve(String relativePath) {
        Path target = root.resolve(relativePath).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IllegalArgumentException("refusing to write outside " + root + ": " + relativePath);
        }
        return target;
    }

    /** Deletes a folder and everything below it; links are deleted, never followed. */
    static void deleteTree(Path path) throws IOException {
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
