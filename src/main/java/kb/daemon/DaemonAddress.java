package kb.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import kb.state.Fingerprint;

/**
 * Where the daemon of one output folder listens: a Unix socket named for the folder's absolute
 * path, in a folder only the user can open ({@code $XDG_RUNTIME_DIR/kb}, else
 * {@code <tmp>/kb-<user>}), and where it logs: {@code .kb-state/<folder name>.daemon.log} beside
 * the output folder, next to the build state.
 *
 * @param socket the socket's path
 * @param log    the daemon's log file
 */
public record DaemonAddress(Path socket, Path log) {

    /** The owner-only permissions of the socket's folder. */
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /**
     * The address of the daemon that builds into {@code dest}, or empty when there is no private
     * folder to put its socket in (the folder is another user's, or open to others): kb then
     * builds without a daemon.
     *
     * @param stateFolder the folder the build state of {@code dest} is kept in
     */
    public static Optional<DaemonAddress> of(Path dest, Path stateFolder) {
        Optional<Path> folder = privateFolder();
        if (folder.isEmpty()) {
            return Optional.empty();
        }
        Path out = dest.toAbsolutePath().normalize();
        String name = out.getFileName() == null ? "site" : out.getFileName().toString();
        return Optional.of(new DaemonAddress(folder.get().resolve(digest(out.toString()) + ".sock"),
                stateFolder.resolve(name + ".daemon.log")));
    }

    /** The folder for sockets, made when missing; empty unless it is this user's alone. */
    private static Optional<Path> privateFolder() {
        String runtime = System.getenv("XDG_RUNTIME_DIR");
        Path folder = runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime))
                ? Path.of(runtime, "kb")
                : Path.of(System.getProperty("java.io.tmpdir"), "kb-" + System.getProperty("user.name"));
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
            }
            // Another user's folder, or one others may write in, could hold their socket under our name.
            boolean ours = Files.getOwner(folder).getName().equals(System.getProperty("user.name"))
                    && Files.getPosixFilePermissions(folder).equals(PRIVATE);
            return ours ? Optional.of(folder) : Optional.empty();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /**
     * Sixteen hex digits of {@code text}'s {@link Fingerprint}: a short, fixed-length socket name.
     * Not a cryptographic digest: the client's JVM would spend 20 ms starting the JDK's security
     * providers, and two of a user's output folders with the same digest would do no harm (a
     * daemon builds only into its own folder: a build for another fails with a message that says
     * to build with --no-daemon).
     */
    private static String digest(String text) {
        return HexFormat.of().toHexDigits(Fingerprint.of(text));
    }
}
