package kb.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * training makes a site of {@code content/}'s articles copied under new IDs, builds it clean, then
 * builds it again after edits of one article (in the summary, then beyond it), and once more with
 * nothing changed, and searches its index: the runs a writer makes.
 *
 * <p>Usage: {@code java -cp kb.jar kb.cli.StartupTraining CONTENT SCRATCH [COPIES]}; everything it
 * writes is under SCRATCH. It prints nothing and exits 0 when the runs succeeded.
 */
public final class StartupTraining {

    /**
     * Copies of each of the seed's articles: enough for the loops over all articles to run hot
     * (compiled, with profiles worth keeping), yet a few seconds of building.
     */
    private static final int DEFAULT_COPIES = 120;

    /** The seed's articles; a content folder of more makes as many copies in all. */
    private static final int SEED_ARTICLES = 12;

    /** The articles copied at most: the first, in path order. */
    private static final int SAMPLE = 24;

    private static final Pattern PERMALINK = Pattern.compile("(?m)^permalink: */kb/\\d+/(Q\\d+)/\\s*$");

    private final Path content;
    private final Path scratch;
    private final int copies;

    StartupTraining(Path content, Path scratch, int copies) {
        this.content = content;
        this.scratch = scratch;
        this.copies = copies;
    }

    /** Runs the training; exit code 0 when every run succeeded. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: StartupTraining CONTENT SCRATCH [COPIES]");
            System.exit(ExitCodes.USAGE);
        }
        int copies = args.length > 2 ? Integer.parseInt(args[2]) : DEFAULT_COPIES;
        System.exit(new StartupTraining(Path.of(args[0]), Path.of(args[1]), copies).run());
    }

    /** Makes the site under the scratch folder and runs the builds and the search; the highest exit code. */
    int run() throws IOException {
        Path source = scratch.resolve("source");
        List<Path> made = makeSite(source);
        if (made.isEmpty()) {
            return build(source, "--clean");
        }
        Path edited = made.get(made.size() / 2);
        String original = Files.readString(edited, StandardCharsets.UTF_8);
        int code = build(source, "--clean");
        code = Math.max(code, editAndBuild(source, edited, original, firstProseWord(original, 0)));
        code = Math.max(code, editAndBuild(source, edited, original, firstProseWord(original, original.length() / 2)));
        code = Math.max(code, build(source));
        code = Math.max(code, cli("search", "--index", scratch.resolve("index").toString(),
                "--site", scratch.resolve("site").toString(), "inventory upgrade"));
        return code;
    }

    /**
     * Copies {@code content/} to {@code source} without its articles (the {@code /kb/NNN/QNNNNNN/}
     * permalinks), then the first {@link #SAMPLE} articles under new IDs, each as often as makes
     * about {@link #copies} times the sample in all; returns the copies' files. A content folder of
     * thousands of articles trains as fast as the seed's dozen.
     */
    private List<Path> makeSite(Path source) throws IOException {
        List<Path> articles = new ArrayList<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.sorted().toList()) {
                Path target = source.resolve(content.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getFileName().toString().endsWith(".md") && PERMALINK.matcher(Files.readString(file)).find()) {
                    articles.add(file);
                } else {
                    Files.copy(file, target);
                }
            }
        }
        List<Path> sample = articles.subList(0, Math.min(articles.size(), SAMPLE));
        List<Path> made = new ArrayList<>();
        int next = 700000;
        int each = sample.isEmpty() ? 0 : Math.max(1, copies * SEED_ARTICLES / sample.size());
        for (Path article : sample) {
            String text = Files.readString(article, StandardCharsets.UTF_8);
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
                Files.writeString(target, copy, StandardCharsets.UTF_8);
                made.add(target);
            }
        }
        return made;
    }

    /** The offset of the first word of 5 lower-case letters at or after {@code from}, or -1. */
    private static int firstProseWord(String text, int from) {
        Matcher word = Pattern.compile("(?<![A-Za-z])[a-z]{5}(?![A-Za-z])").matcher(text);
        return word.find(Math.max(from, text.indexOf("{% raw %}") + 1)) ? word.start() : -1;
    }

    /** Doubles the word's first letter (a typo a writer then fixes), builds, restores the text. */
    private int editAndBuild(Path source, Path file, String original, int at) throws IOException {
        if (at < 0) {
            return build(source);
        }
        Files.writeString(file, original.substring(0, at + 1) + original.substring(at), StandardCharsets.UTF_8);
        int code = build(source);
        Files.writeString(file, original, StandardCharsets.UTF_8);
        return code;
    }

    private int build(Path source, String... extra) {
        List<String> args = new ArrayList<>(List.of("build", "--no-progress", "--source", source.toString(),
                "--dest", scratch.resolve("site").toString(), "--index", scratch.resolve("index").toString()));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    private static int cli(String... args) {
        PrintWriter quiet = new PrintWriter(Writer.nullWriter());
        return Main.run(args, quiet, quiet);
    }
}
