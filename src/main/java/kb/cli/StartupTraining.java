package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The training run of kb's start-up cache: what the launcher runs once per jar, with the JVM
 * recording the classes it loads and the profiles of the methods it runs, so that later runs start
 * with them (JDK 25's AOT cache, or a class-data archive on older JDKs).
 *
 * <p>The cache only helps the code the training ran, and only as much as that code ran. A clean
 * build of {@code content/} (a dozen articles) never reads a build state, and none of its loops
 * runs long enough to be profiled; yet an edit of one article in a big site spends its time in
 * those loops (the state's decoding, the scan, the plan, the related lists' comparisons). So the
 * training makes a site of copies of {@code content/kb}'s articles under new IDs (with
 * {@code content/_config.yml}), builds it clean, then builds it again after an edit of one
 * article's first sentence and one further down, and once more after the edits are undone, and
 * searches its index: the runs a writer makes. A content folder without such articles (none
 * under {@code kb/} with a {@code /kb/NNN/QNNNNNN/} permalink) is built clean, as it is.
 *
 * <p>What the builds report is not the training's concern (a broken article is the writer's to
 * see in {@code kb build}): the training fails only when it cannot run.
 *
 * <p>Usage: {@code java -cp kb.jar kb.cli.StartupTraining CONTENT SCRATCH [COPIES]}; everything it
 * writes is under SCRATCH. It prints nothing and exits 0 when the runs ran.
 */
public final class StartupTraining {

    /**
     * Copies of each article of a full {@link #SAMPLE} (fewer articles are copied more often):
     * enough for the loops over all articles to run hot (compiled, with profiles worth keeping),
     * yet seconds of building.
     */
    private static final int DEFAULT_COPIES = 120;

    /** The articles copied: the first, in path order, each as often as makes the copies' number. */
    private static final int SAMPLE = 12;

    private static final Pattern PERMALINK = Pattern.compile("(?m)^permalink: */kb/\\d+/(Q\\d+)/\\s*$");

    /** A line of prose: a capitalised word, then at least four lower-case ones. */
    private static final Pattern SENTENCE = Pattern.compile("(?m)^\\s*[A-Z][a-z]+(?: [a-z]+){4,}");

    private static final Pattern WORD = Pattern.compile("(?<![A-Za-z])[a-z]{5,}(?![A-Za-z])");

    private final Path content;
    private final Path scratch;
    private final int copies;

    StartupTraining(Path content, Path scratch, int copies) {
        this.content = content;
        this.scratch = scratch;
        this.copies = copies;
    }

    /** Runs the training; exit code 0 when it ran. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length > 2 && !args[2].matches("[1-9][0-9]{0,4}")) {
            System.err.println("usage: StartupTraining CONTENT SCRATCH [COPIES]");
            System.exit(ExitCodes.USAGE);
        }
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_COPIES;
        new StartupTraining(Path.of(args[0]), Path.of(args[1]), copies).run();
        System.exit(ExitCodes.OK);
    }

    /**
     * Makes the site under the scratch folder, runs the builds and the search, and returns what
     * each build printed on its last line (its summary), in order.
     */
    List<String> run() throws IOException {
        Path source = scratch.resolve("source");
        List<Path> made = makeSite(source);
        List<String> builds = new ArrayList<>();
        if (made.isEmpty()) {
            builds.add(build(content, "--clean"));
            return builds;
        }
        Path edited = made.get(made.size() / 2);
        String original = Files.readString(edited, StandardCharsets.ISO_8859_1);
        Matcher sentence = SENTENCE.matcher(original);
        int first = sentence.find() ? sentence.start() : original.length() / 3;
        builds.add(build(source, "--clean"));
        builds.add(editAndBuild(source, edited, original, wordAfter(original, first)));
        builds.add(editAndBuild(source, edited, original, wordAfter(original, first + (original.length() - first) / 2)));
        builds.add(build(source));
        builds.add(viaDaemon(source, edited, original, wordAfter(original, first)));
        cli("search", "--index", scratch.resolve("index").toString(), "--site", scratch.resolve("site").toString(),
                "inventory upgrade");
        return builds;
    }

    /**
     * Writes {@code content/_config.yml} to {@code source}, then copies of the first
     * {@link #SAMPLE} articles of {@code content/kb} (by path; links followed) under new IDs from
     * Q700000, about {@link #copies} in all; returns the copies' files. Bytes are copied as they
     * are: the IDs and permalinks are ASCII, whatever the file's encoding.
     */
    private List<Path> makeSite(Path source) throws IOException {
        Files.createDirectories(source);
        Path config = content.resolve("_config.yml");
        if (Files.isRegularFile(config)) {
            Files.copy(config, source.resolve("_config.yml"));
        }
        List<Path> sample = new ArrayList<>();
        Path articles = content.resolve("kb");
        if (Files.isDirectory(articles)) {
            try (Stream<Path> files = Files.walk(articles, FileVisitOption.FOLLOW_LINKS)) {
                for (Path file : files.filter(p -> p.getFileName().toString().equals("README.md")).sorted().toList()) {
                    if (sample.size() < SAMPLE && Files.isRegularFile(file)
                            && PERMALINK.matcher(Files.readString(file, StandardCharsets.ISO_8859_1)).find()) {
                        sample.add(file);
                    }
                }
            }
        }
        List<Path> made = new ArrayList<>();
        int next = 700000;
        int each = sample.isEmpty() ? 0 : Math.max(1, copies * SAMPLE / sample.size());
        for (Path article : sample) {
            String text = Files.readString(article, StandardCharsets.ISO_8859_1);
            Matcher permalink = PERMALINK.matcher(text);
            permalink.find();
            String id = permalink.group(1);
            for (int i = 0; i < each; i++) {
                String newId = "Q" + next++;
                String folder = newId.substring(1, 4);
                String copy = text.replace("/kb/" + id.substring(1, 4) + "/" + id + "/", "/kb/" + folder + "/" + newId + "/")
                        .replace(id, newId);
                Path target = source.resolve("kb").resolve(folder).resolve(newId).resolve("README.md");
                Files.createDirectories(target.getParent());
                Files.writeString(target, copy, StandardCharsets.ISO_8859_1);
                made.add(target);
            }
        }
        return made;
    }

    /** The offset of the first word of at least 5 lower-case letters at or after {@code from}, or -1. */
    private static int wordAfter(String text, int from) {
        Matcher word = WORD.matcher(text);
        return word.find(from) ? word.start() : -1;
    }

    /** Doubles the word's first letter (a typo a writer then fixes), builds, restores the text. */
    private String editAndBuild(Path source, Path file, String original, int at) throws IOException {
        if (at < 0) {
            return build(source);
        }
        Files.writeString(file, original.substring(0, at + 1) + original.substring(at), StandardCharsets.ISO_8859_1);
        String built = build(source);
        Files.writeString(file, original, StandardCharsets.ISO_8859_1);
        return built;
    }

    /** Builds into the scratch folder; what the build printed last. */
    private String build(Path source, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--no-progress", "--source", source.toString(),
                "--dest", scratch.resolve("site").toString(), "--index", scratch.resolve("index").toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new)).strip().lines().reduce("", (a, b) -> b);
    }

    /**
     * An edit built as on the command line once a daemon runs: handed to a daemon (of this
     * process, on a thread), so that the cache holds the client's classes and the daemon's too.
     * The edit is undone after. Nothing when there is no folder for the daemon's socket.
     */
    private String viaDaemon(Path source, Path edited, String original, int at) throws IOException {
        Path site = scratch.resolve("site");
        Optional<Path> socket = DaemonCommand.address(site).map(kb.daemon.DaemonAddress::socket);
        if (socket.isEmpty()) {
            return "";
        }
        Thread daemon = Thread.ofPlatform().name("kb-training-daemon").start(() -> cli("daemon", "--dest", site.toString()));
        try {
            for (int i = 0; i < 500 && !Files.exists(socket.get()); i++) {
                Thread.sleep(20);
            }
            if (at >= 0) {
                Files.writeString(edited, original.substring(0, at + 1) + original.substring(at), StandardCharsets.ISO_8859_1);
            }
            StringWriter out = new StringWriter();
            Main.commandLine(new String[] {"build", "--no-progress", "--source", source.toString(), "--dest",
                    site.toString(), "--index", scratch.resolve("index").toString()}, new PrintWriter(out, true),
                    new PrintWriter(Writer.nullWriter()), name -> name.equals(BuildCommand.DAEMON_VARIABLE) ? "on" : null);
            trainClient(source, site);
            return out.toString().strip().lines().reduce("", (a, b) -> b);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        } finally {
            Files.writeString(edited, original, StandardCharsets.ISO_8859_1);
            cli("daemon", "--stop", "--dest", site.toString());
            try {
                daemon.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The variable through which the launcher gives the command that starts the small JVM of
     * {@link QuickBuild#main} recording its own start-up cache, one word per line (its Java and
     * options): that JVM's classes are few and not this one's, so it gets a cache of its own.
     */
    static final String CLIENT_TRAINING_VARIABLE = "KB_CLIENT_TRAINING";

    /**
     * A build handed to the daemon of {@code site} (running in this process) by the small JVM of
     * {@link QuickBuild#main}, started with the command in {@link #CLIENT_TRAINING_VARIABLE}, as
     * the launcher starts it; nothing when that variable is not set. Nothing changed since the
     * last build: the daemon builds nothing, and the client's cache holds what asking takes.
     */
    private static void trainClient(Path source, Path site) throws IOException, InterruptedException {
        String command = System.getenv(CLIENT_TRAINING_VARIABLE);
        Optional<Path> jar = kb.state.StateFile.kbCode();
        if (command == null || command.isBlank() || jar.isEmpty()) {
            return;
        }
        List<String> words = new ArrayList<>(command.lines().filter(line -> !line.isBlank()).toList());
        words.addAll(List.of("-cp", jar.get().toString(), QuickBuild.class.getName(), "build", "--no-progress",
                "--source", source.toString(), "--dest", site.toString(), "--index", site.resolveSibling("index").toString()));
        ProcessBuilder client = new ProcessBuilder(words).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        client.environment().put(QuickBuild.JVM_OPTIONS_VARIABLE,
                String.join("\n", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        client.environment().put(BuildCommand.DAEMON_VARIABLE, "on");
        Process process = client.start();
        if (!process.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
    }

    /** Runs kb in-process; what it printed on standard output (its diagnostics are dropped). */
    private static String cli(String... args) {
        StringWriter out = new StringWriter();
        Main.run(args, new PrintWriter(out, true), new PrintWriter(Writer.nullWriter()));
        return out.toString();
    }
}
