package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.Set;
import kb.check.SourceManifest;
import kb.state.BuildState;
import kb.state.OutputRecord;
import kb.state.StateFile;

/**
 * The output folder and its spare: a build never writes into the folder that a server or a user
 * reads. It writes into a spare folder that kb keeps beside it, in {@code .kb-state/<name>.spare},
 * holding the site of the build before the last one; it brings that up to date (writing only what
 * differs from what the spare holds, hard-linking what the last build made and this one keeps)
 * and, once everything is written and the index committed, swaps the two folders by renaming. A
 * build stopped at any moment (an error, Ctrl-C, SIGKILL) leaves the output folder as the last
 * complete build left it; the one window of risk is between two renames, microseconds long, and
 * the next build or {@link #open} puts the folder back.
 *
 * <p>Refuses an output folder that is a symbolic link, or that holds files kb did not write (no
 * {@link SourceManifest#FILE}): kb replaces the folder whole, and must not empty a folder someone
 * else filled. Never writes through a symbolic link: links found in the spare are deleted, and
 * only regular files of the output folder are linked into it. One build at a time per output
 * folder: a second waits for the first (a lock file beside the state).
 */
final class Publication implements AutoCloseable {

    private final Path dest;
    private final Path spare;
    private final Path spareContents;
    private final Path old;
    private final Path stateFolder;
    private final String name;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** Deletes folders moved aside; joined on {@link #close} so that nothing is left half-deleted. */
    private Thread trashCollector;
    /** What the spare holds as the build writes it ({@link #writing}); null until then. */
    private Supplier<Map<String, OutputRecord>> spareNow;

    private Publication(Path dest, FileChannel lockChannel, FileLock lock) {
        this.dest = dest;
        this.stateFolder = StateFile.beside(dest).path().getParent();
        this.name = dest.getFileName().toString();
        this.spare = stateFolder.resolve(name + ".spare");
        this.spareContents = stateFolder.resolve(name + ".spare.bin");
        this.old = stateFolder.resolve(name + ".old");
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Opens the output folder {@code dest} for a build: checks that kb may replace it, waits for
     * any other build of it, and puts back a folder that a swap stopped half-way moved aside.
     *
     * @throws IllegalArgumentException when the folder may not be used (the message says why)
     */
    static Publication open(Path dest) {
        return open(dest, null);
    }

    /**
     * {@link #open(Path)}, after an earlier publication of the same folder in this process that
     * was {@linkplain #release() released}: {@code deleting} is the thread still deleting what it
     * moved aside (null if none), and what this one moves aside is deleted after it.
     */
    static Publication open(Path dest, Thread deleting) {
        return open(dest, deleting, System.err::println);
    }

    /**
     * {@link #open(Path, Thread)}, saying on {@code notice} that it waits for another build (a
     * build in the build daemon says it to its client).
     */
    static Publication open(Path dest, Thread deleting, java.util.function.Consumer<String> notice) {
        Path out = dest.toAbsolutePath().normalize();
        if (out.getParent() == null || out.getFileName() == null) {
            throw new IllegalArgumentException("the output folder " + dest + " is a file system root; choose a folder below it");
        }
        if (Files.isSymbolicLink(out)) {
            throw new IllegalArgumentException("the output folder " + dest + " is a symbolic link: kb replaces the folder"
                    + " on every build and never writes through a link; give the folder it points to");
        }
        if (Files.exists(out, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("the output folder " + dest + " is a file; choose a folder");
        }
        Path states = StateFile.beside(out).path().getParent();
        if (Files.isSymbolicLink(states)) {
            throw new IllegalArgumentException("the state folder " + states + " beside the output folder is a symbolic"
                    + " link: kb keeps a spare copy of the site there and never writes through a link; delete it");
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(states);
            channel = FileChannel.open(states.resolve(out.getFileName() + ".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = lock(channel, dest, notice);
            Publication publication = new Publication(out, channel, held);
            publication.trashCollector = deleting;
            publication.recover();
            publication.requireOwned(dest);
            return publication;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot prepare the output folder " + dest, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The folder's lock, once no other build holds it. Another process's build makes this wait
     * in {@link FileChannel#lock()}; one of this process (a builder whose state is still being
     * written while another builder starts) makes the JVM refuse at once rather than wait, so
     * that case is retried until the lock is free.
     */
    private static FileLock lock(FileChannel channel, Path dest, java.util.function.Consumer<String> notice)
            throws IOException {
        try {
            FileLock held = channel.tryLock();
            if (held != null) {
                return held;
            }
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // held by this process: waited for below
        }
        notice.accept("kb: another build is writing " + dest + "; waiting for it to finish");
        while (true) {
            try {
                return channel.lock();
            } catch (java.nio.channels.OverlappingFileLockException e) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for the lock of " + dest);
                }
            }
        }
    }

    /** The output folder: what readers see. */
    Path live() {
        return dest;
    }

    /** The folder this build writes. */
    Path spare() {
        return spare;
    }

    /**
     * What the spare folder holds, path by path, as the build that wrote it recorded it. When
     * there is no usable record (no build yet, a build stopped while writing the spare, another
     * kb), the spare is emptied and the answer is empty. A clean build also checks the record
     * against the folder: files that are missing, are not regular files or were not recorded are
     * dropped from the answer, and the last two deleted (a symbolic link is deleted, never
     * followed); an incremental build trusts it, as the writer checks the folders of every file
     * it relies on ({@link OutputFolder#intact}). The record is deleted either way: from now on
     * the spare is being written.
     *
     * @param kb    the running kb build ({@link StateFile#kbVersion()})
     * @param clean whether this is a clean build
     */
    Map<String, OutputRecord> openSpare(String kb, boolean clean) {
        StateFile record = new StateFile(spareContents);
        Optional<Map<String, OutputRecord>> recalled = spareRecords == null ? Optional.empty() : spareRecords.recall(record);
        Optional<BuildState> known = recalled.isPresent() ? Optional.of(BuildState.ofOutputs(kb, recalled.get()))
                : record.read(kb);
        record.delete();
        if (known.isEmpty()) {
            trash(spare);
            createFolder(spare);
            return Map.of();
        }
        return clean ? checked(known.get().outputs()) : known.get().outputs();
    }

    /**
     * Tells where to find what the spare holds while the build writes it (what
     * {@link #openSpare} found, less what the build deleted, plus what it wrote), for
     * {@link #saveSpareAsLeft}.
     */
    void writing(Supplier<Map<String, OutputRecord>> spareNow) {
        this.spareNow = spareNow;
    }

    /**
     * Records what the spare holds after a build that stopped before its prune stage
     * ({@link BuildInterrupted}; see {@link #writing}), so that the next build brings it up to
     * date from there rather than writes it whole. Nothing when the build was not yet writing it
     * (the record is then as it was).
     */
    void saveSpareAsLeft(String kb) {
        if (spareNow != null) {
            saveSpare(kb, spareNow.get());
        }
    }

    /** The spare's records, keeping only those of regular files that are there; strays deleted. */
    private Map<String, OutputRecord> checked(Map<String, OutputRecord> recorded) {
        Set<String> found = new HashSet<>();
        try {
            if (!Files.isDirectory(spare, LinkOption.NOFOLLOW_LINKS)) {
                trash(spare);
                createFolder(spare);
                return Map.of();
            }
            // Without FOLLOW_LINKS a link, even to a folder, is visited as a file: deleted, not entered.
            Files.walkFileTree(spare, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    String rel = spare.relativize(file).toString().replace('\\', '/');
                    if (attrs.isRegularFile() && recorded.containsKey(rel)) {
                        found.add(rel);
                    } else {
                        Files.delete(file);
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spare output folder " + spare, e);
        }
        Map<String, OutputRecord> present = new HashMap<>(found.size() * 2);
        for (String path : found) {
            present.put(path, recorded.get(path));
        }
        return present;
    }

    /**
     * Swaps the spare in as the output folder, and the output folder out as the spare. Readers
     * holding a file open keep reading it; new reads see the new site.
     */
    void swap() {
        try {
            boolean had = Files.exists(dest, LinkOption.NOFOLLOW_LINKS);
            if (had) {
                Files.move(dest, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(spare, dest, StandardCopyOption.ATOMIC_MOVE);
            if (had) {
                Files.move(old, spare, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the new site into " + dest
                    + " (kb renames the folder; it must not be a mount point)", e);
        }
    }

    /**
     * Records what the spare holds now, for the next build to bring it up to date from there
     * rather than write it whole.
     */
    void saveSpare(String kb, Map<String, OutputRecord> outputs) {
        StateFile record = new StateFile(spareContents);
        record.write(BuildState.ofOutputs(kb, outputs));
        if (spareRecords != null) {
            spareRecords.wrote(record, outputs);
        }
    }

    /**
     * Has the spare's record this publication writes remembered by {@code memory}, and taken from
     * there when it is still the file written (a builder that builds again).
     */
    Publication remembering(SpareRecordMemory memory) {
        this.spareRecords = memory;
        return this;
    }

    /** Where the spare's record is remembered once written; null: nowhere. */
    private SpareRecordMemory spareRecords;

    /** Waits until what this publication moved aside is deleted, then lets other builds have the folder. */
    @Override
    public void close() {
        if (trashCollector != null) {
            try {
                trashCollector.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        release();
    }

    /**
     * Lets other builds have the folder at once, without waiting for the deletion of what this
     * publication moved aside (a whole site: many seconds), which goes on in the background.
     * Returns the thread deleting it (null if none), for the next publication of this process to
     * follow ({@link #open(Path, Thread)}); if the process ends first, the next publication's
     * {@code open} deletes the rest.
     */
    Thread release() {
        try {
            lock.release();
        } catch (IOException e) {
            // released with the channel
        }
        closeQuietly(lockChannel);
        return trashCollector;
    }

    /** Puts back what a swap stopped half-way moved aside, and clears what a stopped build left. */
    private void recover() throws IOException {
        if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.exists(dest, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(old, dest, StandardCopyOption.ATOMIC_MOVE); // the site was moved away, the new one not in
            } else if (!Files.exists(spare, LinkOption.NOFOLLOW_LINKS)) {
                Files.move(old, spare, StandardCopyOption.ATOMIC_MOVE);
            } else {
                trash(old);
            }
        }
        // Not a glob of the name: a folder may be called "site[1]".
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(stateFolder,
                entry -> entry.getFileName().toString().startsWith(name + ".trash-"))) {
            for (Path leftover : entries) {
                trash(leftover);
            }
        }
    }

    /** Refuses an output folder that holds files but no sign that kb wrote them. */
    private void requireOwned(Path given) throws IOException {
        if (!Files.isDirectory(dest, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dest)) {
            if (!entries.iterator().hasNext()) {
                return;
            }
        }
        if (!Files.isRegularFile(dest.resolve(SourceManifest.FILE), LinkOption.NOFOLLOW_LINKS)) {
            throw new IllegalArgumentException("the output folder " + given + " holds files that kb did not write (it has"
                    + " no " + SourceManifest.FILE + "): kb replaces the output folder on every build, so it will not"
                    + " use this one; empty it, or choose another --dest");
        }
    }

    /**
     * Moves a folder out of the way at once and deletes it in the background (a whole site takes
     * a few seconds to delete; the build need not wait for it).
     */
    private void trash(Path folder) {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path moved = folder.getFileName().toString().startsWith(name + ".trash-") ? folder
                : stateFolder.resolve(name + ".trash-" + System.nanoTime());
        try {
            if (!moved.equals(folder)) {
                Files.move(folder, moved, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + folder + " out of the way", e);
        }
        Thread previous = trashCollector;
        trashCollector = Thread.ofPlatform().name("kb-trash").daemon().start(() -> {
            if (previous != null) {
                try {
                    previous.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            deleteTree(moved);
        });
    }

    private static void deleteTree(Path root) {
        try {
            OutputFolder.deleteTree(root);
        } catch (IOException e) {
            // Left for the next build to delete (it clears leftovers when it opens).
        }
    }

    private static void createFolder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + folder, e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
