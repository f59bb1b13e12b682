package kb.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import kb.diag.Display;

/**
 * Lists the files of a source tree that a build reads, in a stable order. Folders the build
 * writes to (site, index) are never read, even when they lie inside the source folder.
 */
public final class SourceScanner {

    private final EntryFilter filter;
    private final Set<Path> skipped;
    private final Runnable checkpoint;

    /**
     * @param filter  which entries to read
     * @param skipped absolute folders never to enter (the output folders)
     */
    public SourceScanner(EntryFilter filter, Set<Path> skipped) {
        this(filter, skipped, () -> { });
    }

    /**
     * A scanner that runs {@code checkpoint} before each folder it reads: a build that is
     * interrupted stops there.
     */
    public SourceScanner(EntryFilter filter, Set<Path> skipped, Runnable checkpoint) {
        this.filter = filter;
        this.skipped = Set.copyOf(skipped.stream().map(p -> p.toAbsolutePath().normalize()).toList());
        this.checkpoint = checkpoint;
    }

    /**
     * How close to the start of a scan a folder's time may be for the next scan to trust it:
     * within this, a change made right after the folder was listed can leave the same time
     * (coarse file system clocks; FAT keeps two seconds).
     */
    public static final long RACY_MILLIS = 5_000;

    /**
     * All readable files below {@code sourceDir}, sorted by relative path. Folders are listed in
     * parallel: an archive keeps each article in a folder of its own, and 60,000 folders listed
     * one after the other take seconds of a rebuild that has little else to do.
     */
    public List<SourceFile> scan(Path sourceDir) {
        return scan(sourceDir, SourceFolders.NONE, List.of()).files();
    }

    /**
     * Scans {@code sourceDir} as {@link #scan(Path)} does, listing again only the folders that
     * changed since the last scan (of the same folder with the same filter), which read
     * {@code lastFolders} and found {@code lastFiles} (relative paths): of the other folders,
     * only the attributes of the entries they held are read, and those entries, which the same
     * filter accepted then, are not filtered again. The files found are the same as a full scan's.
     */
    public SourceTree scan(Path sourceDir, SourceFolders lastFolders, Collection<String> lastFiles) {
        Path root = sourceDir.toAbsolutePath().normalize();
        String shown = Display.of(root);
        long started = System.currentTimeMillis();
        Known known = Known.of(lastFolders, lastFiles);
        Map<String, Long> folders = new ConcurrentHashMap<>();
        List<SourceFile> files;
        try {
            BasicFileAttributes attrs = Files.readAttributes(root, BasicFileAttributes.class);
            files = folder(root, "", shown.isEmpty() ? "" : shown + "/", nanos(attrs), known, folders);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the source folder " + root, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("cannot read the source folder " + root, e.getCause());
        }
        files.sort(Comparator.comparing(SourceFile::relativePath));
        return new SourceTree(files, new SourceFolders(folders, started));
    }

    /**
     * Scans {@code sourceDir} when {@code last} was its scan with this scanner, and since that
     * scan began only the folders {@code changed} (relative paths, "" for the root) changed, as a
     * {@link SourceWatch} tells: those are listed again and their entries' attributes read; a
     * folder new in one of them is scanned whole, and one gone from them is dropped with all it
     * held. Everything else is as {@code last} found it. The files found are the same as a full
     * scan's.
     */
    public SourceTree rescan(Path sourceDir, SourceTree last, Set<String> changed) {
        return rescan(sourceDir, last, changed, Set.of());
    }

    /**
     * As {@link #rescan(Path, SourceTree, Set)}, where the entries {@code replaced} (paths) were
     * created, deleted or renamed since: a folder among them is scanned whole, whatever the last
     * scan found under its name.
     */
    public SourceTree rescan(Path sourceDir, SourceTree last, Set<String> changed, Set<String> replaced) {
        Path root = sourceDir.toAbsolutePath().normalize();
        String shown = Display.of(root);
        long started = System.currentTimeMillis();
        Map<String, Long> lastTimes = last.folders().times();
        // The folders' times as they change here; laid over the last ones at the end.
        Map<String, Long> times = new HashMap<>();
        Map<String, Long> grown = new ConcurrentHashMap<>();
        Set<String> listed = new HashSet<>();
        Set<String> gone = new HashSet<>();
        List<SourceFile> found = new ArrayList<>();
        List<String> toList = changed.stream().filter(lastTimes::containsKey).sorted().toList();
        // The subfolders the last scan found in each folder listed again.
        Set<String> toListSet = new HashSet<>(toList);
        Map<String, List<String>> lastSubfolders = subfolders(lastTimes.keySet(), toList, toListSet);
        // Parents before children: a folder gone takes its subfolders with it.
        for (String folder : toList) {
            checkpoint.run();
            if (within(folder, gone)) {
                continue;
            }
            String rel = folder.isEmpty() ? "" : folder + "/";
            Path dir = folder.isEmpty() ? root : root.resolve(folder);
            String shownDir = shown.isEmpty() ? rel : shown + "/" + rel;
            BasicFileAttributes attrs;
            try {
                // The root as a full scan reads it (a link to a folder is followed), the others not.
                attrs = folder.isEmpty() ? Files.readAttributes(dir, BasicFileAttributes.class)
                        : Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                attrs = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source folder " + root, e);
            }
            if (attrs == null || !attrs.isDirectory()) {
                if (folder.isEmpty()) {
                    throw new UncheckedIOException("cannot read the source folder " + root,
                            new NoSuchFileException(root.toString()));
                }
                gone.add(folder);
                continue;
            }
            times.put(folder, nanos(attrs));
            listed.add(folder);
            Entries entries = new Entries();
            try {
                for (String name : list(dir)) {
                    Path entry = dir.resolve(name);
                    BasicFileAttributes a;
                    try {
                        a = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (NoSuchFileException e) {
                        continue;
                    }
                    entry(entry, name, a, rel, shownDir, entries, false);
                }
            } catch (NoSuchFileException e) {
                gone.add(folder);
                listed.remove(folder);
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the source folder " + root, e);
            }
            found.addAll(entries.files());
            Set<String> present = new HashSet<>();
            for (Subfolder sub : entries.folders()) {
                String path = rel + sub.name();
                present.add(path);
                if (lastTimes.containsKey(path) && !replaced.contains(path)) {
                    times.put(path, sub.time()); // its own watch tells whether its entries changed
                } else {
                    // New, or maybe another folder under the old name: what the last scan found there goes.
                    gone.add(path);
                    found.addAll(folder(sub.path(), path + "/", shownDir + sub.name() + "/", sub.time(),
                            Known.of(SourceFolders.NONE, List.of()), grown));
                }
            }
            // Subfolders the last scan found here and this one does not: gone, with all they held.
            for (String before : lastSubfolders.getOrDefault(folder, List.of())) {
                if (!present.contains(before)) {
                    gone.add(before);
                }
            }
        }
        times.putAll(grown);
        Map<String, Long> allTimes;
        if (gone.isEmpty() && grown.isEmpty()) {
            // The same folders, some of them changed: laid over the last times, not a copy of them.
            allTimes = kb.collect.Overlay.of(lastTimes, times);
        } else {
            allTimes = new HashMap<>(lastTimes);
            allTimes.putAll(times);
            allTimes.keySet().removeIf(f -> within(f, gone) && !grown.containsKey(f));
        }
        List<SourceFile> kept = kept(last.files(), listed, gone);
        // Both in path order: merged, not sorted again.
        found.sort(Comparator.comparing(SourceFile::relativePath));
        return new SourceTree(merged(kept, found), new SourceFolders(allTimes, started));
    }

    // The loops over every folder and file of the last scan are methods of their own: a long loop
    // in a method called once per build is compiled on the spot (on-stack replacement), and in a
    // daemon on the archive, rescan's, compiled with all the rest of that big method, took C2 a
    // second of CPU in most edits' builds (which have two cores), where these take milliseconds.

    /** The folders of {@code lastFolders} directly in each of {@code listed} ({@code listedSet} as a set). */
    private static Map<String, List<String>> subfolders(Set<String> lastFolders, List<String> listed, Set<String> listedSet) {
        Map<String, List<String>> subfolders = new HashMap<>();
        for (String before : lastFolders) {
            String parent = parentAmong(before, listed, listedSet);
            if (parent != null) {
                subfolders.computeIfAbsent(parent, k -> new ArrayList<>()).add(before);
            }
        }
        return subfolders;
    }

    /** The files of the last scan that stay: not in a folder listed again, nor in one gone. */
    private static List<SourceFile> kept(List<SourceFile> files, Set<String> listed, Set<String> gone) {
        List<SourceFile> kept = new ArrayList<>(files.size());
        List<String> listedFolders = List.copyOf(listed);
        for (SourceFile file : files) {
            String path = file.relativePath();
            // The folder of a file, found without making its name (a look at every file).
            boolean relisted = listedFolders.size() <= FEW ? inAny(path, listedFolders) : listed.contains(parentOf(path));
            if (!relisted && (gone.isEmpty() || !within(parentOf(path), gone))) {
                kept.add(file);
            }
        }
        return kept;
    }

    /** How many folders are few enough to be compared with each path rather than looked up. */
    private static final int FEW = 8;

    /**
     * The folder of {@code folders} ({@code asSet} as a set) that {@code path} is directly in ("" holds
     * what has no slash), or null.
     */
    private static String parentAmong(String path, List<String> folders, Set<String> asSet) {
        if (path.isEmpty()) {
            return null;
        }
        if (folders.size() > FEW) {
            String parent = parentOf(path);
            return asSet.contains(parent) ? parent : null;
        }
        for (String folder : folders) {
            if (directlyIn(path, folder)) {
                return folder;
            }
        }
        return null;
    }

    /** Whether {@code path} is directly in one of {@code folders}. */
    private static boolean inAny(String path, List<String> folders) {
        for (String folder : folders) {
            if (directlyIn(path, folder)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code path} is directly in {@code folder} ("" for the root): {@code folder/name}, no further slash. */
    private static boolean directlyIn(String path, String folder) {
        int from;
        if (folder.isEmpty()) {
            from = 0;
        } else {
            if (path.length() <= folder.length() + 1 || path.charAt(folder.length()) != '/' || !path.startsWith(folder)) {
                return false;
            }
            from = folder.length() + 1;
        }
        return path.indexOf('/', from) < 0;
    }

    /** Two lists sorted by path merged into one sorted by path. */
    private static List<SourceFile> merged(List<SourceFile> a, List<SourceFile> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<SourceFile> all = new ArrayList<>(a.size() + b.size());
        int i = 0;
        int j = 0;
        while (i < a.size() && j < b.size()) {
            all.add(a.get(i).relativePath().compareTo(b.get(j).relativePath()) <= 0 ? a.get(i++) : b.get(j++));
        }
        all.addAll(a.subList(i, a.size()));
        all.addAll(b.subList(j, b.size()));
        return all;
    }

    /** The folder of an entry ("a/b" for "a/b/c.md", "" for "c.md"). */
    private static String parentOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether {@code folder} is one of {@code folders} or lies below one. */
    private static boolean within(String folder, Set<String> folders) {
        for (String f = folder; ; f = parentOf(f)) {
            if (folders.contains(f)) {
                return true;
            }
            if (f.isEmpty()) {
                return false;
            }
        }
    }

    /**
     * The entries of every folder of the last scan, by folder, and the times of those whose time
     * lies well before the last scan began: such a folder, its time unchanged, holds these
     * entries and no others.
     */
    private static final class Known {
        private final Map<String, Long> times = new HashMap<>();
        private final Map<String, List<String>> names = new HashMap<>();

        static Known of(SourceFolders folders, Collection<String> files) {
            Known known = new Known();
            long trusted = (folders.scannedAt() - RACY_MILLIS) * 1_000_000L;
            folders.times().forEach((folder, time) -> {
                if (time < trusted) {
                    known.times.put(folder, time);
                }
                if (!folder.isEmpty()) {
                    known.add(folder);
                }
            });
            for (String file : files) {
                known.add(file);
            }
            return known;
        }

        /** Adds an entry ("a/b.md", or a folder "a/c") to its folder's names. */
        private void add(String path) {
            int slash = path.lastIndexOf('/');
            names.computeIfAbsent(slash < 0 ? "" : path.substring(0, slash), k -> new ArrayList<>())
                    .add(path.substring(slash + 1));
        }

        /** The entries of a folder as the last scan found them, if its time says they are still all. */
        List<String> entries(String folder, long time) {
            Long before = times.get(folder);
            return before != null && before == time ? names.getOrDefault(folder, List.of()) : null;
        }
    }

    /**
     * The files below one folder (links are not followed): the entries it held at the last scan
     * when it has not changed since, else what listing it finds; its subfolders are read in
     * parallel. Paths are joined as strings: the walk meets every entry of the tree, and
     * relativising and normalising each as a Path cost more than reading its attributes.
     *
     * @param rel   the folder below the root, "" or ending in "/"
     * @param shown how the folder is shown in messages, "" or ending in "/"
     * @param time  when the folder last changed, read before its entries
     */
    private List<SourceFile> folder(Path dir, String rel, String shown, long time, Known known,
            Map<String, Long> times) {
        checkpoint.run();
        String key = rel.isEmpty() ? "" : rel.substring(0, rel.length() - 1);
        times.put(key, time);
        List<String> names = known.entries(key, time);
        Entries found = new Entries();
        try {
            for (String name : names != null ? names : list(dir)) {
                Path entry = dir.resolve(name);
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException e) {
                    continue; // removed since the folder was listed (its time says so next time)
                }
                entry(entry, name, attrs, rel, shown, found, names != null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Subfolder> subfolders = found.folders();
        if (subfolders.size() < PARALLEL_FROM) {
            // Most folders of an archive hold one article and no folder: a parallel stream for
            // each cost more than reading it.
            for (Subfolder f : subfolders) {
                found.files().addAll(folder(f.path(), rel + f.name() + "/", shown + f.name() + "/", f.time(), known, times));
            }
            return found.files();
        }
        found.files().addAll(subfolders.parallelStream()
                .map(f -> folder(f.path(), rel + f.name() + "/", shown + f.name() + "/", f.time(), known, times))
                .flatMap(List::stream).toList());
        return found.files();
    }

    /** How many subfolders a folder has before they are read in parallel. */
    private static final int PARALLEL_FROM = 4;

    /** The names of a folder's entries, as listing it finds them. */
    private static List<String> list(Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            entries.forEach(entry -> names.add(entry.getFileName().toString()));
        }
        return names;
    }

    /** A subfolder to read: where it is, its name, and when it last changed. */
    private record Subfolder(Path path, String name, long time) {
    }

    /** The entries of one folder: its files, and its subfolders to read. */
    private record Entries(List<SourceFile> files, List<Subfolder> folders) {
        Entries() {
            this(new ArrayList<>(), new ArrayList<>());
        }
    }

    /**
     * One entry of a folder: a file kept, or a folder to read. An entry the last scan kept
     * ({@code known}) passed the same filter then (a state of another configuration is not used).
     */
    private void entry(Path entry, String name, BasicFileAttributes attrs, String rel, String shown, Entries found,
            boolean known) {
        String path = rel + name;
        if (attrs.isDirectory()) {
            if (!skipped.contains(entry) && (known || filter.accepts(path))) {
                found.folders().add(new Subfolder(entry, name, nanos(attrs)));
            }
        } else if (attrs.isRegularFile() && (known || filter.accepts(path))) {
            found.files().add(new SourceFile(entry, path, shown + name, attrs.size(), attrs.lastModifiedTime().toMillis()));
        }
    }

    private static long nanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(TimeUnit.NANOSECONDS);
    }
}
