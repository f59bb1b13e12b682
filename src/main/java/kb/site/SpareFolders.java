package kb.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import kb.source.SourceScanner;

/**
 * The folders of an output folder as the build that wrote it left them, for the build that writes
 * the same folder next (two builds later: the site and the spare swap at each build). Before it
 * keeps a file the spare holds, a build makes sure that the file's folders are still folders
 * ({@link OutputFolder#intact}): a system call for each page's folder, 61,000 on the archive and
 * a third of a one-article edit's build. A folder's time changes whenever an entry of it is
 * added, removed or replaced, so the page folders in a folder whose time is as recorded are the
 * ones the record knew, real folders made by kb; only the folders that hold folders are looked
 * at (about a thousand).
 *
 * @param key        what identifies the folder recorded (its file key): the spare's path names
 *                   the other folder after a swap
 * @param times      the modification time (ns) of each folder that holds folders, by path
 *                   relative to the output folder ("" for itself)
 * @param recordedAt when the times were read (ms since the epoch)
 */
record SpareFolders(Object key, Map<String, Long> times, long recordedAt) {

    SpareFolders {
        Objects.requireNonNull(key, "key");
        times = Map.copyOf(times);
    }

    /**
     * The times of the folders of {@code root} that hold the folders of {@code outputs} (paths
     * relative to it), as they are now; empty when the folder cannot be read or has no file key.
     */
    static Optional<SpareFolders> record(Path root, Collection<String> outputs) {
        return record(root, outputs, false);
    }

    /**
     * The times of the folders of {@code root} that hold the folders of {@code outputs}, as
     * {@link #record(Path, Collection)}, for a folder no build of this process just wrote (the
     * output folder in place, which a user may have changed): a folder is recorded only when the
     * folders of {@code outputs} in it are real folders now, its time read before they are looked
     * at (a change meanwhile shows in it). About one system call per page, once.
     */
    static Optional<SpareFolders> recordChecked(Path root, Collection<String> outputs) {
        return record(root, outputs, true);
    }

    private static Optional<SpareFolders> record(Path root, Collection<String> outputs, boolean checked) {
        Set<String> leaves = new HashSet<>();
        Set<String> holders = holders(outputs, leaves);
        return record(root, holders, checked ? leaves : null);
    }

    /**
     * The folders that hold the folders of {@code outputs} (paths relative to the output folder):
     * what {@link #record(Path, Collection)} records the times of, for {@link #recordHolders}.
     */
    static Set<String> holders(Collection<String> outputs) {
        return holders(outputs, new HashSet<>());
    }

    /** The holders of {@code outputs}' folders, their own folders added to {@code leaves}. */
    private static Set<String> holders(Collection<String> outputs, Set<String> leaves) {
        Set<String> holders = new HashSet<>();
        for (String output : outputs) {
            String leaf = parentOf(output);
            if (leaves.add(leaf)) {
                // Every folder above a page's own folder (and above the output folder's files, the output folder).
                for (String f = leaf; !f.isEmpty(); ) {
                    f = parentOf(f);
                    if (!holders.add(f)) {
                        break;
                    }
                }
            }
        }
        return Set.copyOf(holders);
    }

    /**
     * As {@link #record(Path, Collection)} for outputs whose {@link #holders} are
     * {@code holders}: a build whose outputs are the last one's need not find them again.
     */
    static Optional<SpareFolders> recordHolders(Path root, Set<String> holders) {
        return record(root, holders, null);
    }

    /** The times of {@code holders} in {@code root}; with {@code leaves}, only of those whose leaves are folders now. */
    private static Optional<SpareFolders> record(Path root, Set<String> holders, Set<String> leaves) {
        long now = System.currentTimeMillis();
        Object key = fileKey(root);
        if (key == null) {
            return Optional.empty();
        }
        Map<String, Long> times = new HashMap<>();
        for (String folder : holders) {
            Long time = time(folder.isEmpty() ? root : root.resolve(folder));
            if (time != null) {
                times.put(folder, time);
            }
        }
        if (leaves != null) {
            for (String leaf : leaves) {
                if (!leaf.isEmpty() && times.containsKey(parentOf(leaf)) && time(root.resolve(leaf)) == null) {
                    times.remove(parentOf(leaf));
                }
            }
        }
        return Optional.of(new SpareFolders(key, times, now));
    }

    /**
     * The folders recorded whose entries are still the ones recorded, by path relative to
     * {@code root}: each is a folder (not a link), as are all above it, and its time is as
     * recorded and was then older than the record by more than the file system's clock could
     * leave unchanged ({@link #margin}: a change made in the same tick would leave the time as it
     * was). Empty when {@code root} is not the folder recorded.
     */
    Set<String> unchanged(Path root) {
        if (!key.equals(fileKey(root))) {
            return Set.of();
        }
        long at = TimeUnit.MILLISECONDS.toNanos(recordedAt);
        List<String> folders = new ArrayList<>(times.keySet());
        folders.sort(Comparator.comparingInt(SpareFolders::depth));
        Set<String> unchanged = new HashSet<>();
        for (String folder : folders) {
            long recorded = times.get(folder);
            if (recorded < at - margin(recorded) && (folder.isEmpty() || unchanged.contains(parentOf(folder)))
                    && Long.valueOf(recorded).equals(time(folder.isEmpty() ? root : root.resolve(folder)))) {
                unchanged.add(folder);
            }
        }
        return unchanged;
    }

    /**
     * How much older than the record a folder's time must have been for a change after the record
     * to show in it (ns): a time with a fraction of a second comes from a file system that keeps
     * fine times (Linux's advance at each clock tick, a few milliseconds), so
     * {@link #FINE_MARGIN_MILLIS}; a whole second may come from one that keeps seconds or two
     * (FAT), so {@link SourceScanner#RACY_MILLIS}.
     */
    static long margin(long time) {
        return TimeUnit.MILLISECONDS.toNanos(time % 1_000_000_000L != 0 ? FINE_MARGIN_MILLIS : SourceScanner.RACY_MILLIS);
    }

    /** The margin for fine file system times: several clock ticks. */
    static final long FINE_MARGIN_MILLIS = 100;

    /** The folder of a path ("a/b" for "a/b/c", "" for "c"). */
    static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    private static int depth(String folder) {
        if (folder.isEmpty()) {
            return 0;
        }
        int depth = 1;
        for (int i = 0; i < folder.length(); i++) {
            if (folder.charAt(i) == '/') {
                depth++;
            }
        }
        return depth;
    }

    /** A folder's modification time (ns), or null when it is not a folder (or a link to one). */
    private static Long time(Path folder) {
        try {
            BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? a.lastModifiedTime().to(TimeUnit.NANOSECONDS) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }

    /** What identifies a folder whatever its name (its file key), or null when it is no folder (or a link). */
    static Object fileKey(Path folder) {
        try {
            BasicFileAttributes a = Files.readAttributes(folder, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return a.isDirectory() ? a.fileKey() : null;
        } catch (IOException e) {
            return null;
        }
    }
}
