package kb.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import kb.daemon.DaemonAddress;
import kb.daemon.DaemonClient;

/**
 * {@code kb build} handed to the daemon of its output folder as soon as kb starts, before picocli
 * reads the command line. In a new JVM picocli takes about 0.2 s to read it (its classes are too
 * old for the start-up cache, so each start loads and verifies them anew): a fifth of the time an
 * edit's build may take. The daemon reads the command line as a build
 * here would (its errors come back as they would be printed here); the client only needs to know
 * which daemon to ask, which {@code --dest} says.
 *
 * <p>A command line it cannot read as picocli does, it leaves to picocli: an {@code @file}
 * (expanded by picocli, relative to here), help or version options, short options, {@code --},
 * {@code --dest} given twice or without a value, and {@code --no-daemon}. Every other option is
 * passed on as it is: an option's value is never taken for {@code --dest}, since picocli refuses
 * an option's name as another option's value.
 */
final class QuickBuild {

    /** What sends the command line the usual way. */
    private static final Set<String> LEFT_TO_PICOCLI = Set.of("--help", "--version", "--no-daemon", "--");

    private QuickBuild() {
    }

    /**
     * Hands {@code args} to the daemon of their output folder, when they are a {@code kb build}
     * this reads, builds go to daemons in {@code environment}, and a daemon's socket is there.
     *
     * @return what asking came to (a build it ran, or why it did not), or null when the daemon was
     *         not asked: the command line is then read and run the usual way
     */
    static DaemonClient.Outcome ask(String[] args, UnaryOperator<String> environment, PrintWriter out, PrintWriter err) {
        if (args.length == 0 || !args[0].equals("build") || !BuildCommand.daemonWanted(environment)) {
            return null;
        }
        Optional<String> dest = dest(Arrays.asList(args).subList(1, args.length));
        if (dest == null) {
            return null;
        }
        Optional<DaemonAddress> address = DaemonCommand.address(Path.of(dest.orElse(BuildCommand.DEFAULT_DEST)));
        if (address.isEmpty() || !Files.exists(address.get().socket())) {
            return null;
        }
        boolean progress = !List.of(args).contains("--no-progress");
        return BuildCommand.ask(address.get(), List.of(args), progress, out, err);
    }

    /**
     * The value of {@code --dest} in a build's options (empty when not given), or null when the
     * options are not for this class to read.
     */
    static Optional<String> dest(List<String> options) {
        String dest = null;
        for (int i = 0; i < options.size(); i++) {
            String option = options.get(i);
            String value = null;
            if (option.startsWith("@") || LEFT_TO_PICOCLI.contains(option)
                    || option.startsWith("-") && !option.startsWith("--")) {
                return null;
            } else if (option.equals("--dest")) {
                if (i + 1 == options.size()) {
                    return null;
                }
                value = options.get(++i);
            } else if (option.startsWith("--dest=")) {
                value = option.substring("--dest=".length());
            }
            if (value != null) {
                if (dest != null || value.startsWith("@") || value.isEmpty()) {
                    return null;
                }
                dest = value;
            }
        }
        return Optional.ofNullable(dest);
    }
}
