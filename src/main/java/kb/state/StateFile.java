package kb.state;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.zip.CheckedOutputStream;
import java.util.zip.CRC32C;

/**
 * Reads and writes a {@link BuildState} as one binary file: a header (format, kb build), the
 * records, and a checksum of everything before it, so that a file cut short or damaged is
 * recognised and ignored rather than half believed. Written to a temporary file and moved into
 * place, so that a build stopped while writing leaves the previous state or none.
 */
public final class StateFile {

    private static final String MAGIC = "kb-build-state";
    /** Bumped whenever the layout of the file changes. */
    private static final int FORMAT = 7;

    private final Path file;
    /**
     * How the state this file gave last was encoded ({@link #read}), for the next {@link #write}
     * to copy the bytes of the records it keeps unchanged rather than encode them again: after an
     * edit, nearly all of a big site's records. Null before a read, or once written.
     */
    private volatile StateEncoding lastRead;

    /** The state file of a build writing into {@code dest}: {@code .kb-state/<dest name>.bin} beside it. */
    public static StateFile beside(Path dest) {
        Path out = dest.toAbsolutePath().normalize();
        Path parent = out.getParent() == null ? out : out.getParent();
        String name = out.getFileName() == null ? "site" : out.getFileName().toString();
        return new StateFile(parent.resolve(FOLDER).resolve(name + ".bin"));
    }

    /** The folder that holds build states, beside the output folder. */
    public static final String FOLDER = ".kb-state";

    public StateFile(Path file) {
        this.file = file;
    }

    public Path path() {
        return file;
    }

    /**
     * A file or folder of kb's own beside this state, named after the same output folder with
     * {@code suffix} ({@code .watch}: {@code .kb-state/site.watch} beside {@code site.bin}).
     */
    public Path companion(String suffix) {
        return file.resolveSibling(file.getFileName().toString().replaceFirst("\\.bin$", "") + suffix);
    }

    /**
     * The kb build running now: its jar's name, size and time (a rebuilt jar may render
     * differently, so its state is not trusted), or the class folder it runs from.
     */
    public static String kbVersion() {
        try {
            Path code = kbCode().orElseThrow();
            if (Files.isRegularFile(code)) {
                return code.getFileName() + ":" + Files.size(code) + ":" + Files.getLastModifiedTime(code).toMillis();
            }
            return "classes:" + code;
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** Where kb runs from: its jar, or the class folder; empty when the JVM does not say. */
    public static Optional<Path> kbCode() {
        try {
            return Optional.of(Path.of(StateFile.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * What identifies the state file as written (its file key, size and time), or empty when
     * there is none: a build that remembers the state it wrote can tell it is still the one on
     * disk without reading it.
     */
    public Optional<String> stamp() {
        try {
            java.nio.file.attribute.BasicFileAttributes a = Files.readAttributes(file,
                    java.nio.file.attribute.BasicFileAttributes.class);
            return Optional.of(a.fileKey() + ":" + a.size() + ":" + a.lastModifiedTime().toMillis());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Lets go of the records the last {@link #read} gave and of their bytes, kept for the next
     * {@link #write}: a build that does not build on that state (a clean one) keeps none of them,
     * and they would hold a big site's whole last state in memory all build long.
     */
    public void forgetRead() {
        lastRead = null;
    }

    /** Deletes the state, if any (the next build is a clean one). */
    public void delete() {
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(previewMark());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the build state " + file, e);
        }
    }

    /**
     * Deletes the state, leaving a mark with {@code token} in its place: a preview of {@code kb
     * serve --watch} is about to change the index, and the state in that server's memory (marked
     * so that its next build redoes what the preview did) is the only one that describes the
     * site and index then. Another build, in any process, finds no state and builds clean, and its
     * commit ({@link #delete()}) removes the mark: the server then knows its state is not the
     * one of the site in place any more ({@link #markedBy}).
     */
    public void deleteForPreview(String token) {
        try {
            Path mark = previewMark();
            Path scratch = mark.resolveSibling(mark.getFileName() + ".tmp");
            Files.createDirectories(mark.getParent());
            Files.writeString(scratch, token);
            Files.move(scratch, mark, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot replace the build state " + file, e);
        }
    }

    /** Whether the state is deleted and the mark {@link #deleteForPreview} left with {@code token} is there. */
    public boolean markedBy(String token) {
        try {
            return !Files.exists(file) && Files.readString(previewMark()).equals(token);
        } catch (IOException e) {
            return false;
        }
    }

    private Path previewMark() {
        return file.resolveSibling(file.getFileName() + ".preview");
    }

    /** Whether the last eight bytes are the CRC-32C of all before them, as {@link #write} ends the file. */
    private static boolean checksumHolds(byte[] bytes) {
        int end = bytes.length - Long.BYTES;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, end);
        return ByteBuffer.wrap(bytes, end, Long.BYTES).getLong() == crc.getValue();
    }

    /**
     * The state, if there is one this kb can use: missing, damaged, of another format or of
     * another kb build all give empty (the build is then a clean one).
     */
    public Optional<BuildState> read(String kb) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            // Read whole, checked in one pass, parsed from memory: through a checked stream every
            // byte of a 60 MB state (60,000 articles) would update the checksum on its own.
            byte[] bytes = readWhole(file);
            // The checksum first: a damaged count read before it could ask for an array of 2^31
            // (a state with one byte changed once took the heap).
            if (bytes.length < Long.BYTES || !checksumHolds(bytes)) {
                return Optional.empty();
            }
            MemoryInput memory = new MemoryInput(bytes);
            DataInputStream in = new DataInputStream(memory);
            if (!in.readUTF().equals(MAGIC) || in.readInt() != FORMAT || !in.readUTF().equals(kb)) {
                return Optional.empty();
            }
            int[] lengths = new int[in.readInt()];
            int at = bytes.length - memory.available();
            ByteBuffer[] parts = new ByteBuffer[lengths.length];
            for (int i = 0; i < lengths.length; i++) {
                lengths[i] = in.readInt();
            }
            at += Integer.BYTES * lengths.length;
            for (int i = 0; i < lengths.length; i++) {
                if (lengths[i] < 0 || lengths[i] > bytes.length - Long.BYTES - at) {
                    return Optional.empty();
                }
                parts[i] = ByteBuffer.wrap(bytes, at, lengths[i]).slice();
                at += lengths[i];
            }
            if (at != bytes.length - Long.BYTES) {
                return Optional.empty();
            }
            StateDecoder.Decoded decoded = StateDecoder.state(kb, parts);
            lastRead = new StateEncoding(bytes, decoded.dictionary(), decoded.freshTerms(), decoded.slices());
            return Optional.of(decoded.state());
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged state only costs a clean build
        }
    }

    /**
     * A file's bytes, read a megabyte at a time: {@link Files#readAllBytes} reads a file in one
     * call, through a native buffer of the file's size, and the pages of that buffer stay in the
     * process — 60 MB of resident memory more for the state of 60,000 articles.
     */
    private static byte[] readWhole(Path file) throws IOException {
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file)) {
            long size = channel.size();
            if (size > Integer.MAX_VALUE - 16) {
                throw new IOException("the build state " + file + " is too large to be one");
            }
            byte[] bytes = new byte[(int) size];
            int at = 0;
            while (at < bytes.length) {
                int read = channel.read(java.nio.ByteBuffer.wrap(bytes, at, Math.min(1 << 20, bytes.length - at)));
                if (read < 0) {
                    return Arrays.copyOf(bytes, at); // shorter than it was: its checksum fails
                }
                at += read;
            }
            return bytes;
        }
    }

    /** Writes the state (atomically: the old file stays until the new one is complete). */
    public void write(BuildState state) {
        write(state, () -> false);
    }

    /**
     * Writes the state as {@link #write(BuildState)} does, unless {@code abandoned} turns true
     * before it is complete: then nothing is written (the old file stays).
     *
     * @return whether the state was written
     */
    public boolean write(BuildState state, BooleanSupplier abandoned) {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.getParent());
            if (!write(state, temp, abandoned, lastRead) || abandoned.getAsBoolean()) {
                Files.deleteIfExists(temp);
                return false;
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            lastRead = null; // its bytes are no longer needed (a state is written once)
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the build state " + file, e);
        }
    }

    /** Writes the state to {@code temp}; false when it was abandoned part-way. */
    private static boolean write(BuildState state, Path temp, BooleanSupplier abandoned, StateEncoding reuse)
            throws IOException {
        try (OutputStream raw = Files.newOutputStream(temp)) {
            // Buffered before the checksum, which then sees blocks, not single bytes.
            CheckedOutputStream checked = new CheckedOutputStream(raw, new CRC32C());
            DataOutputStream out = new DataOutputStream(new WriteBuffer(checked));
            out.writeUTF(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(state.kb());
            Optional<List<GrowingBytes>> encoded = StateEncoder.state(state, abandoned, reuse);
            if (encoded.isEmpty()) {
                return false;
            }
            List<GrowingBytes> parts = encoded.get();
            out.writeInt(parts.size());
            for (GrowingBytes part : parts) {
                out.writeInt(part.size());
            }
            for (GrowingBytes part : parts) {
                if (abandoned.getAsBoolean()) {
                    return false;
                }
                out.write(part.array(), 0, part.size());
            }
            out.flush();
            new DataOutputStream(raw).writeLong(checked.getChecksum().getValue());
        }
        return true;
    }

    /**
     * Whether a front matter value can be kept in the state (YAML's scalars, lists and maps); a
     * page with any other value is read again by every build.
     */
    public static boolean keepable(Object v) {
        return switch (v) {
            case null -> true;
            case String s -> true;
            case Integer i -> true;
            case Long l -> true;
            case Double d -> true;
            case Boolean b -> true;
            case BigInteger b -> true;
            case List<?> list -> list.stream().allMatch(StateFile::keepable);
            case Map<?, ?> map -> map.entrySet().stream().allMatch(e -> keepable(e.getKey()) && keepable(e.getValue()));
            default -> false;
        };
    }

}
