package kb.serve;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Watches folder trees and reports every path created, changed or deleted in them, with the JDK's
 * {@link WatchService} (inotify on Linux). A watch service sees one folder, not its subfolders, so
 * each folder of the trees is registered, and each folder created later as it appears (what it
 * already holds is reported too: a folder copied in arrives with its files).
 *
 * <p>Hidden entries (names starting with {@code .}, as {@code .git}; editors' swap files) and
 * backups ending in {@code ~} are not reported, nor anything below the excluded folders (the build's
 * output folders, when they lie inside a watched tree: the build writing them must not start
 * another build). When the watch service loses events (overflow), the tree's root is reported.
 */
final class TreeWatcher implements AutoCloseable {

    private final WatchService service;
    private final List<Path> excluded;
    private final Consumer<Path> changed;
    private final Consumer<String> warnings;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> roots = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean limitReported;

    /**
     * Registers every folder of the trees and starts watching them.
     *
     * @param trees    the folders to watch, with all their subfolders
     * @param excluded folders not to watch, wherever they are
     * @param changed  told of each path changed, on the watching thread
     * @param warnings told of a problem that makes the watch miss changes
     * @throws UncheckedIOException when the trees cannot be read
     */
    TreeWatcher(List<Path> trees, List<Path> excluded, Consumer<Path> changed, Consumer<String> warnings) {
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.changed = changed;
        this.warnings = warnings;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch files for changes", e);
        }
        for (Path tree : trees) {
            Path root = tree.toAbsolutePath().normalize();
            register(root, root, false);
        }
        this.thread = new Thread(this::run, "kb-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many folders are watched. */
    int folders() {
        return folders.size();
    }

    /** Whether a path is left out: hidden, a backup, or in an excluded folder. */
    boolean ignored(Path path) {
        Path name = path.getFileName();
        if (name != null) {
            String n = name.toString();
            if (n.startsWith(".") || n.endsWith("~")) {
                return true;
            }
        }
        Path p = path.toAbsolutePath().normalize();
        return excluded.stream().anyMatch(p::startsWith);
    }

    /** Registers a folder and its subfolders; with {@code report}, reports what they hold. */
    private void register(Path start, Path root, boolean report) {
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    if (!dir.equals(root) && ignored(dir)) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    try {
                        WatchKey key = dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                        folders.put(key, dir);
                        roots.put(key, root);
                    } catch (IOException e) {
                        tooManyFolders(e);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (report && !ignored(file)) {
                        changed.accept(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Deleted while the walk went on: its deletion is reported by its folder.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // A folder created and deleted at once: nothing to watch.
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + start, e);
        }
    }

    /** Linux allows a limited number of watched folders per user; say so once, and how to raise it. */
    private void tooManyFolders(IOException e) {
        if (!limitReported) {
            limitReported = true;
            warnings.accept("cannot watch every folder (" + e.getMessage() + "): changes in the others are not"
                    + " seen. On Linux, raise the limit with: sudo sysctl fs.inotify.max_user_watches=524288");
        }
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder = folders.get(key);
                if (folder != null) {
                    handle(key, folder);
                }
                if (!key.reset()) {
                    // The folder is gone (deleted or moved away).
                    folders.remove(key);
                    roots.remove(key);
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // Closed: the watch is over.
        }
    }

    private void handle(WatchKey key, Path folder) {
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                changed.accept(roots.get(key));
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (ignored(path)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                register(path, roots.get(key), true);
            }
            changed.accept(path);
        }
    }

    /** Stops watching. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stop watching files", e);
        } finally {
            thread.interrupt();
        }
    }
}
