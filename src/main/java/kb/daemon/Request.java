package kb.daemon;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * What a {@code kb build} asks the daemon to run.
 *
 * @param version   the client's kb (the daemon runs only its own: another jar may build otherwise)
 * @param context   what else of the client's process a build depends on (its time zone, for
 *                  dates without one, and its locale): see {@link #contextHere()}
 * @param directory the client's working directory, which relative paths in {@code args} are from
 * @param args      the command's arguments, as given ({@code build} and its options)
 * @param progress  whether the client shows a progress bar
 */
public record Request(String version, String context, String directory, List<String> args, boolean progress) {

    public Request {
        args = List.copyOf(args);
    }

    /** A request from this process: its working directory and context. */
    public static Request here(String version, List<String> args, boolean progress) {
        return new Request(version, contextHere(), workingDirectory().toString(), args, progress);
    }

    /** What of this process a build depends on beyond its arguments. */
    static String contextHere() {
        return TimeZone.getDefault().getID() + " " + Locale.getDefault().toLanguageTag();
    }

    /** This process's working directory, absolute. */
    static Path workingDirectory() {
        return Path.of("").toAbsolutePath().normalize();
    }
}
