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
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Watches folder trees and reports every path created, changed or deleted in them, with the JDK's
 * {@link WatchService} (inotify on Linux). A watch service sees one folder, not its subfolders, so
 * each folder of the trees is registered, and each folder created later as it appears (what it
 * already holds is reported too: a folder copied in arrives with its files).
 *
 * <p>Registering takes a while for a big tree (the archive has a folder per article: 30,000
 * folders took 4 to 9 s on a busy 2-core machine), so it runs on the watching thread and the
 * constructor returns at once. No change is missed meanwhile: a folder is registered before its
 * files are looked at, and a file changed since the watch began but before its folder was
 * registered is reported when the walk sees its modification time (with {@link #MODIFIED_MARGIN}).
 *
 * <p>Hidden entries (names starting with {@code .}, as {@code .git}; editors' swap files) and
 * backups ending in {@code ~} are not reported, nor anything below the excluded folders (the build's
 * output folders, when they lie inside a watched tree: the build writing them must not start
 * another build). When the watch service loses events (overflow), the tree's root is reported.
 */
final class TreeWatcher implements AutoCloseable {

    /**
     * Files modified this long before the watch began count as changed during registration too:
     * file systems keep coarse times, and the kernel's clock for them lags the JVM's by a few ms.
     * At worst a file saved just before {@code kb serve --watch} started is rebuilt once more.
     */
    private static final Duration MODIFIED_MARGIN = Duration.ofSeconds(2);

    private final WatchService service;
    private final List<Path> excluded;
    private final Listener listener;
    private final List<Path> trees;
    private final FileTime since;
    private final Map<WatchKey, Path> folders = new ConcurrentHashMap<>();
    private final Map<WatchKey, Path> roots = new ConcurrentHashMap<>();
    private final Thread thread;
    private volatile boolean limitReported;

    /** What a watch tells, on its thread. */
    interface Listener {

        /** A path was created, changed or deleted. */
        void changed(Path path);

        /** Every folder is registered: changes anywhere are seen from now on. */
        default void ready(int folders, Duration took) {
        }

        /** A problem that makes the watch miss changes. */
        default void warning(String message) {
        }
    }

    /**
     * Starts watching the trees: the changes from now on are reported.
     *
     * @param trees    the folders to watch, with all their subfolders
     * @param excluded folders not to watch, wherever they are
     * @throws UncheckedIOException when the watch service cannot be opened
     */
    TreeWatcher(List<Path> trees, List<Path> excluded, Listener listener) {
        this.since = FileTime.from(Instant.now().minus(MODIFIED_MARGIN));
        this.trees = trees.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.excluded = excluded.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.listener = listener;
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch files for changes", e);
        }
        this.thread = new Thread(this::run, "kb-watch");
        thread.setDaemon(true);
        thread.start();
    }

    /** How many folders are watched (so far, until ready). */
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

    /**
     * Registers a folder and its subfolders; with {@code report}, reports every file they hold,
     * else the files changed since the watch began.
     */
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
                    if ((report || attrs.lastModifiedTime().compareTo(since) >= 0) && !ignored(file)) {
                        listener.changed(file);
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
            listener.warning("cannot watch " + start + ": " + e.getMessage());
        }
    }

    /** Linux allows a limited number of watched folders per user; say so once, and how to raise it. */
    private void tooManyFolders(IOException e) {
        if (!limitReported) {
            limitReported = true;
            listener.warning("cannot watch every folder (" + e.getMessage() + "): changes in the others are not"
                    + " seen. On Linux, raise the limit with: sudo sysctl fs.inotify.max_user_watches=524288");
        }
    }

    private void run() {
        long start = System.nanoTime();
        for (Path root : trees) {
            register(root, root, false);
        }
        listener.ready(folders.size(), Duration.ofNanos(System.nanoTime() - start));
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
                listener.changed(roots.get(key));
                continue;
            }
            Path path = folder.resolve((Path) event.context());
            if (ignored(path)) {
                continue;
            }
            if (event.kind() == ENTRY_CREATE && Files.isDirectory(path)) {
                register(path, roots.get(key), true);
            }
            listener.changed(path);
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
