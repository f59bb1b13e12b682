package kb.source;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static java.nio.file.StandardWatchEventKinds.OVERFLOW;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The folders of a source tree that changed since its last scan, as the kernel reports them
 * (inotify, through the JDK's {@link WatchService}), so that a resident builder (the build
 * daemon) lists and reads the attributes of those folders only, not of every entry of the tree:
 * on the archive, 122,000 system calls and half a second of a one-article edit's build.
 *
 * <p>A watch follows one scan ({@link #follow}): it registers every folder of the scanned tree, in
 * the background (on the archive, 61,000 folders take seconds). Its changes are trusted only when
 * every folder of the tree was registered before the scan that found the tree began: a change made
 * between a folder's scan and its registration would go unseen. A folder registered later (a new
 * one) counts as changed at the next scan.
 *
 * <p>Events reach the JDK's watch service a little after the change, from a thread of its own. So
 * that a build started right after a save sees it, {@link #begin} creates a file in a folder of
 * its own, watched by the same service, and waits for its event: the kernel queues a watch
 * service's events in order, so every change made before is then known.
 *
 * <p>A watch stays with the folder it was put on, wherever that is moved: an entry created,
 * deleted or renamed in a folder may be another folder under an old name, so it is scanned whole
 * and watched anew; another folder in the root's place (or a link to it pointed elsewhere) makes
 * the next scan read everything.
 *
 * <p>When events are lost (the kernel's queue overflowed), the watch cannot be set up, or the file
 * system does not report changes made elsewhere (network file systems), the next scan reads
 * everything, as without a watch. What inotify does not report is not seen: a source file that is
 * a hard link to a file outside the tree, written through that other name, or a file changed
 * through a memory mapping, keeps the size and time the last scan read until its folder changes
 * (or {@code kb build --no-daemon}).
 */
public final class SourceWatch implements AutoCloseable {

    /** File system types whose changes may come from other machines, which inotify does not see. */
    private static final Set<String> REMOTE = Set.of("nfs", "nfs4", "cifs", "smb", "smb2", "smbfs", "9p", "afs",
            "ceph", "glusterfs", "lustre", "gpfs", "sshfs", "davfs", "virtiofs", "vboxsf", "vmhgfs");

    /** How long {@link #begin} waits for its own file's event before it gives up on the watch. */
    private static final long SYNC_MILLIS = 2_000;

    private final Path root;
    /** The root folder's file key when it was first scanned: another folder put in its place (or a link repointed) is seen. */
    private Object rootKey;
    private final WatchService service;
    private final Path syncFolder;
    private final WatchKey syncKey;
    private final Consumer<String> log;
    private final Map<WatchKey, String> folderOf = new HashMap<>();
    private final Map<String, WatchKey> keyOf = new HashMap<>();
    /** Folders changed since the last {@link #begin}. */
    private Set<String> pending = new HashSet<>();
    /**
     * Entries created, deleted or renamed in a folder since the last {@link #begin} (paths): a
     * folder among them may be another folder than the one of that name before (a watch stays
     * with the folder it was put on, wherever it is moved), so it is scanned whole and watched anew.
     */
    private Set<String> replacedSince = new HashSet<>();
    /** The tree of the last scan followed, and whether its changes can be trusted. */
    private SourceTree followed;
    private boolean trusted;
    /** Whether every folder of the followed tree is registered (none waits in the background). */
    private boolean registered = true;
    /** Whether registration was complete when the scan being made began (see {@link #begin}). */
    private boolean registeredAtBegin;
    /** An overflow or a failure since the last {@link #begin}: changes may have been missed. */
    private boolean lost;
    private boolean closed;
    private Thread registrar;
    private long syncs;

    private SourceWatch(Path root, Object rootKey, WatchService service, Path syncFolder, WatchKey syncKey,
            Consumer<String> log) {
        this.root = root;
        this.rootKey = rootKey;
        this.service = service;
        this.syncFolder = syncFolder;
        this.syncKey = syncKey;
        this.log = log;
    }

    /**
     * A watch of the tree at {@code root}, or empty where changes cannot be watched reliably (a
     * network file system, no watch service); {@code log} hears why a watch fails later.
     */
    public static Optional<SourceWatch> open(Path root, Consumer<String> log) {
        return open(root, null, log);
    }

    /**
     * A watch of the tree at {@code root} whose own file ({@link #begin}) is made in
     * {@code syncFolder} (made when missing, emptied, deleted on {@link #close}; a temporary
     * folder when null); empty where changes cannot be watched reliably.
     */
    public static Optional<SourceWatch> open(Path root, Path syncFolder, Consumer<String> log) {
        Path absolute = root.toAbsolutePath().normalize();
        WatchService service = null;
        Path sync = null;
        try {
            if (!local(absolute)) {
                log.accept("the source folder is on a network file system (" + Files.getFileStore(absolute).type()
                        + "): every build reads all of it");
                return Optional.empty();
            }
            Object rootKey = key(absolute);
            service = FileSystems.getDefault().newWatchService();
            if (syncFolder == null) {
                sync = Files.createTempDirectory("kb-watch-");
            } else {
                sync = Files.createDirectories(syncFolder);
                try (java.util.stream.Stream<Path> left = Files.list(sync)) {
                    for (Path file : left.toList()) {
                        Files.deleteIfExists(file); // a daemon killed between its sync's two steps
                    }
                }
            }
            WatchKey syncKey = sync.register(service, ENTRY_CREATE);
            return Optional.of(new SourceWatch(absolute, rootKey, service, sync, syncKey, log));
        } catch (IOException | UnsupportedOperationException e) {
            log.accept("cannot watch the source folder (" + e.getMessage() + "): every build reads all of it");
            closeQuietly(service, sync);
            return Optional.empty();
        }
    }

    /**
     * Whether {@code folder} is on a file system whose changes inotify sees, looked up once per
     * device (a file system mounted inside the tree has a device of its own); true where there
     * are no device numbers (not Linux: the root's file system was checked).
     */
    private static boolean onLocalFileSystem(Path folder, Map<Object, Boolean> known) {
        Object device;
        try {
            device = Files.getAttribute(folder, "unix:dev", java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return true;
        }
        return known.computeIfAbsent(device, d -> local(folder));
    }

    /** Whether changes to the files of {@code folder}'s file system are all seen by inotify. */
    private static boolean local(Path folder) {
        try {
            String type = Files.getFileStore(folder).type().toLowerCase(java.util.Locale.ROOT);
            return !REMOTE.contains(type) && !type.startsWith("fuse");
        } catch (IOException e) {
            return false;
        }
    }

    /** What identifies a folder (its file key, links followed), or null. */
    private static Object key(Path folder) {
        try {
            return Files.readAttributes(folder, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /**
     * The entries created, deleted or renamed that the scan {@link #begin} opened read, when it
     * read only what changed; null otherwise (the next {@link #follow} compares every folder).
     */
    private Set<String> begun;

    /** Whether the last {@link #follow} watched folders the scan before it had found. */
    private boolean registeredLate;

    /** Whether every folder of the tree followed is registered (none waits in the background). */
    synchronized boolean registered() {
        return registered;
    }

    /**
     * Waits at most {@code wait} until every folder of the tree followed is registered: the scan
     * that begins after that is the first whose next scan can read only what changed.
     *
     * @return whether they are (false also when the watch is given up)
     */
    public boolean awaitRegistered(java.time.Duration wait) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (true) {
            synchronized (this) {
                if (closed) {
                    return false;
                }
                if (registered) {
                    return true;
                }
            }
            if (System.nanoTime() > end) {
                return false;
            }
            Thread.sleep(20);
        }
    }

    /** Whether the watch is given up (closed, or it failed): a new one is needed. */
    public synchronized boolean closed() {
        return closed;
    }

    /** The folder watched (absolute). */
    public Path root() {
        return root;
    }

    /**
     * At the start of a scan: what changed since {@code last} was scanned, when {@code last} is
     * the tree this watch follows and its changes are known; else empty (the scan reads
     * everything). Also when empty, changes from now on count for the next scan.
     */
    public synchronized Optional<Changes> begin(SourceTree last) {
        registeredAtBegin = registered;
        boolean synced = !closed && sync();
        Set<String> changed = pending;
        Set<String> replaced = replacedSince;
        pending = new HashSet<>();
        replacedSince = new HashSet<>();
        Object now = key(root);
        if (now == null || !now.equals(rootKey)) {
            // Another folder in the root's place: every watch is on the old one's folders.
            forgetAll();
            rootKey = now;
            followed = null;
        }
        for (String path : replaced) {
            if (keyOf.containsKey(path)) {
                forget(path); // a folder's name: the folder there now may be another
            }
        }
        // Most folders changed (the first scan after a watch began): a scan of all is as quick.
        boolean few = followed != null
                && (changed.size() <= 64 || changed.size() <= followed.folders().times().size() / 4);
        boolean known = synced && trusted && !lost && few && last != null && last == followed;
        lost = false;
        begun = known ? replaced : null;
        return known ? Optional.of(new Changes(changed, replaced)) : Optional.empty();
    }

    /**
     * What changed since a scan.
     *
     * @param folders  the folders whose entries may have changed (relative paths, "" the root)
     * @param replaced entries created, deleted or renamed in them: a folder among them is another
     *                 folder than before
     */
    public record Changes(Set<String> folders, Set<String> replaced) {

        public Changes {
            folders = Set.copyOf(folders);
            replaced = Set.copyOf(replaced);
        }
    }

    /** Stops watching {@code folder} and everything below it (it is watched anew when followed). */
    private void forget(String folder) {
        String below = folder.isEmpty() ? "" : folder + "/";
        for (java.util.Iterator<Map.Entry<String, WatchKey>> it = keyOf.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, WatchKey> e = it.next();
            if (e.getKey().equals(folder) || e.getKey().startsWith(below)) {
                e.getValue().cancel();
                folderOf.remove(e.getValue());
                it.remove();
            }
        }
    }

    private void forgetAll() {
        for (WatchKey key : keyOf.values()) {
            key.cancel();
        }
        keyOf.clear();
        folderOf.clear();
        if (registrar != null && registrar.isAlive()) {
            registrar.interrupt();
        }
        registered = true;
    }

    /**
     * After a scan that {@link #begin} opened: the watch follows {@code tree} from now on,
     * registering its new folders (in the background) and forgetting those gone.
     */
    public synchronized void follow(SourceTree tree) {
        if (closed) {
            return;
        }
        Set<String> folders = tree.folders().times().keySet();
        if (begun != null && followed != null && registered && !registeredLate
                && begun.stream().noneMatch(p -> folders.contains(p) || followed.folders().times().containsKey(p))) {
            // No folder came or went since the last scan: every folder was watched before the scan
            // that found it began, so a folder made or removed in it is among the entries created
            // or deleted, and none is. The same folders are watched, without comparing 61,000 of them.
            followed = tree;
            trusted = registeredAtBegin;
            begun = null;
            return;
        }
        begun = null;
        for (java.util.Iterator<Map.Entry<String, WatchKey>> it = keyOf.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, WatchKey> e = it.next();
            if (!folders.contains(e.getKey())) {
                // Cancelled before a folder is registered anew: a folder moved keeps its watch in
                // the kernel, which would otherwise report its changes under its old name.
                e.getValue().cancel();
                folderOf.remove(e.getValue());
                it.remove();
            }
        }
        List<String> added = new ArrayList<>();
        for (String folder : folders) {
            if (!keyOf.containsKey(folder)) {
                added.add(folder);
            }
        }
        followed = tree;
        trusted = registeredAtBegin && registered;
        // A folder watched only after the scan that found it: what was made in it meanwhile came
        // without an event, and the next follow compares every folder (found in a review).
        registeredLate = !added.isEmpty();
        if (added.isEmpty()) {
            return;
        }
        // Registered after the scan read them: they are read again at the next scan.
        pending.addAll(added);
        if (registrar != null && registrar.isAlive()) {
            registrar.interrupt();
        }
        registered = false;
        registrar = Thread.ofPlatform().daemon().name("kb-source-watch").start(() -> register(added));
    }

    private void register(List<String> folders) {
        int done = 0;
        Map<Object, Boolean> local = new HashMap<>();
        try {
            for (String folder : folders) {
                if (Thread.currentThread().isInterrupted()) {
                    return; // a newer scan registers what is left
                }
                Path dir = folder.isEmpty() ? root : root.resolve(folder);
                WatchKey key;
                try {
                    key = dir.register(service, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
                } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
                    continue; // gone since the scan: its folder's change says so
                }
                if (!onLocalFileSystem(dir, local)) {
                    log.accept("the source folder " + folder + " is on a network file system: every build reads"
                            + " all of the source");
                    close();
                    return;
                }
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    folderOf.put(key, folder);
                    keyOf.put(folder, key);
                }
                done++;
            }
            synchronized (this) {
                if (!Thread.currentThread().isInterrupted()) {
                    registered = true;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.accept("stopped watching the source folder after " + done + " folders (" + e.getMessage()
                    + "): every build reads all of it"
                    + (String.valueOf(e.getMessage()).contains("inotify") ? "; on Linux, raise the limit with:"
                            + " sudo sysctl fs.inotify.max_user_watches=524288" : ""));
            close();
        }
    }

    /**
     * Makes a file in the watch's own folder and takes every event queued before its own; false
     * when its event does not come (the watch is then given up).
     */
    private boolean sync() {
        String name = "sync-" + (++syncs);
        Path file = syncFolder.resolve(name);
        try {
            Files.createFile(file);
            Files.delete(file);
        } catch (IOException e) {
            log.accept("cannot use the watch's own folder (" + e.getMessage() + "): every build reads all of the source");
            close();
            return false;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SYNC_MILLIS);
        boolean seen = false;
        try {
            while (!seen) {
                long left = deadline - System.nanoTime();
                WatchKey key = left <= 0 ? null : service.poll(left, TimeUnit.NANOSECONDS);
                if (key == null) {
                    lost = true;
                    return false;
                }
                seen = take(key, name);
            }
            // Keys the service queued before the sync's: taken without waiting.
            for (WatchKey key = service.poll(); key != null; key = service.poll()) {
                take(key, name);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            lost = true;
            return false;
        } catch (java.nio.file.ClosedWatchServiceException e) {
            return false;
        }
    }

    /** Takes one key's events; whether it held the sync file's creation. */
    private boolean take(WatchKey key, String syncName) {
        boolean sync = false;
        String folder = folderOf.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == OVERFLOW) {
                lost = true;
            } else if (key == syncKey) {
                sync |= syncName.equals(String.valueOf(event.context()));
            } else if (folder != null && event.kind() != ENTRY_MODIFY && event.context() != null) {
                replacedSince.add(folder.isEmpty() ? event.context().toString() : folder + "/" + event.context());
            }
        }
        if (folder != null) {
            pending.add(folder);
        }
        if (!key.reset() && folder != null) {
            // Deleted or moved away: its parent's change says which.
            folderOf.remove(key);
            keyOf.remove(folder);
        }
        return sync;
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            running = registrar;
            folderOf.clear();
            keyOf.clear();
        }
        if (running != null) {
            running.interrupt();
        }
        closeQuietly(service, syncFolder);
    }

    private static void closeQuietly(WatchService service, Path syncFolder) {
        try {
            if (service != null) {
                service.close();
            }
        } catch (IOException e) {
            // closing: nothing more to do
        }
        try {
            if (syncFolder != null) {
                Files.deleteIfExists(syncFolder);
            }
        } catch (IOException e) {
            // a file left in it: the temporary folder stays
        }
    }
}
