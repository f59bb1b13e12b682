package kb.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What a {@code kb build} asks the daemon to run.
 *
 * @param version   the client's kb (the daemon runs only its own: another jar may build otherwise)
 * @param context   what else of the client's process a build depends on: see {@link #contextHere()}
 * @param directory the client's working directory, which relative paths in {@code args} are from
 * @param args      the command's arguments, as given ({@code build} and its options)
 * @param progress  whether the client shows a progress bar
 * @param guessed   whether {@code context} is not the client's own but the one the launcher says a
 *                  JVM of builds would have ({@link #asIf}): a daemon refuses such a request whose
 *                  context differs without stopping (the JVM of builds then asks with its own, as
 *                  the launcher may not foresee everything an option changes)
 */
public record Request(String version, String context, String directory, List<String> args, boolean progress,
        boolean guessed) {

    public Request {
        args = List.copyOf(args);
    }

    /** A request from this process: its working directory and context. */
    public static Request here(String version, List<String> args, boolean progress) {
        return new Request(version, contextHere(), workingDirectory().toString(), args, progress, false);
    }

    /** This request, with a progress bar shown or not. */
    public Request showing(boolean shown) {
        return new Request(version, context, directory, args, shown, guessed);
    }

    /**
     * A request from this process for a build that would run in a JVM with options
     * {@code jvmOptions} ({@code kb}'s launcher passes them to the small JVM that only asks the
     * daemon: see {@code kb.cli.QuickBuild#main}), with this process's working directory.
     */
    public static Request asIf(List<String> jvmOptions, String version, List<String> args, boolean progress) {
        return new Request(version, context(DaemonStarter.inherited(jvmOptions)), workingDirectory().toString(), args,
                progress, true);
    }

    /**
     * What of this process a build depends on beyond its arguments: its time zone (for dates
     * without one), locale, the encodings of file names and text, the permissions new files get
     * (its umask, on Linux), and its JVM's options (the memory it may use), as a daemon started
     * by it would have them.
     */
    static String contextHere() {
        return context(DaemonStarter.inheritedOptions());
    }

    /** This process's context, with {@code jvmOptions} for its JVM's (as {@link DaemonStarter#inherited} keeps them). */
    private static String context(List<String> jvmOptions) {
        return String.join(" ", TimeZone.getDefault().getID(), Locale.getDefault().toLanguageTag(),
                System.getProperty("sun.jnu.encoding", "-"), System.getProperty("native.encoding", "-"), umask(),
                String.join(" ", jvmOptions));
    }

    /** This process's umask as Linux reports it, or "-" elsewhere. */
    private static String umask() {
        try {
            for (String line : java.nio.file.Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Umask:")) {
                    return line.substring(6).trim();
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux
        }
        return "-";
    }

    /** This process's working directory, absolute. */
    static Path workingDirectory() {
        return Path.of("").toAbsolutePath().normalize();
    }
}
