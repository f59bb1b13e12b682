package kb.daemon;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a daemon process: the Java this process runs on, with its options (but for profiling,
 * debugging and start-up-cache training), on this process's jar, in its own session where
 * {@code setsid} exists (closing the terminal then leaves it running), output to its log.
 */
public final class DaemonStarter {

    /**
     * Options of this process a daemon does not take: they record, debug, log or train this run.
     * The launcher's trim of the JIT's inlining is taken: a daemon compiles the code of each new
     * kind of build (the first template edit lays out every page) while the writer waits, and with
     * the trim a fresh daemon's first template edit of the whole archive took 0.87x the time and
     * 0.85x the CPU (four runs of each, alternating), its one-article edits as long as without it.
     */
    private static final List<String> NOT_INHERITED = List.of("-XX:StartFlightRecording", "-XX:FlightRecorderOptions",
            "-XX:AOTCacheOutput", "-XX:AOTMode=record", "-XX:AOTConfiguration", "-XX:ArchiveClassesAtExit", "-agentlib", "-agentpath",
            "-javaagent", "-Xrunjdwp", "-Xdebug", "-Xlog");

    private DaemonStarter() {
    }

    /** The options of this process's JVM that a daemon started by it runs with. */
    static List<String> inheritedOptions() {
        return inherited(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    /** Of the JVM options {@code given}, those a daemon started with them runs with. */
    static List<String> inherited(List<String> given) {
        List<String> options = new ArrayList<>();
        for (String option : given) {
            boolean inherited = true;
            for (String left : NOT_INHERITED) { // a loop, not a stream: a client's JVM has not made one yet
                inherited &= !option.startsWith(left);
            }
            if (inherited) {
                options.add(option);
            }
        }
        return options;
    }

    /**
     * Starts {@code mainClass} with {@code args} in {@code directory}, its standard output and
     * error appended to {@code log}; does not wait for it.
     *
     * @param code the jar this process runs from
     * @return the daemon's process ID, or empty when none can be started here (this process does
     *         not run from a jar, or its Java is unknown)
     */
    public static Optional<Long> start(Path code, String mainClass, List<String> args, Path directory, Path log)
            throws IOException {
        Optional<String> java = ProcessHandle.current().info().command();
        if (java.isEmpty() || !Files.isRegularFile(code)) {
            return Optional.empty();
        }
        List<String> command = new ArrayList<>();
        for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(setsid))) {
                command.add(setsid);
                break;
            }
        }
        command.add(java.get());
        command.addAll(inheritedOptions());
        command.add("-cp");
        command.add(code.toString());
        command.add(mainClass);
        command.addAll(args);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command);
        // The JVM lists the options of these variables among its own, which the command above
        // holds already: given twice, they would make the daemon's context differ from its
        // clients' (see Request#contextHere), and it would refuse every one.
        for (String variable : List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS")) {
            builder.environment().remove(variable);
        }
        Process process = builder
                .directory(directory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectErrorStream(true)
                .start();
        return Optional.of(process.pid());
    }
}
