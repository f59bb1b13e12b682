package kb.browser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility engine, taken from the npm registry at test time and injected into
 * a page. The package is fetched once (the registry's tarball over HTTPS, checked against its
 * published SHA-512, or else {@code npm pack}) and kept in {@code ~/.cache/kb-test/} and
 * {@code target/axe-core/}; {@code .ci/run} fetches the same version ahead. Tests that need it are
 * skipped when neither the cache, the registry nor npm can provide it.
 */
final class AxeCore {

    /** The version pinned for reproducible results (resolved from the registry when it was set). */
    static final String VERSION = "4.14.1";
    /** {@code npm view axe-core@4.14.1 dist.integrity}. */
    private static final String INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    private static final URI TARBALL = URI.create("https://registry.npmjs.org/axe-core/-/axe-core-" + VERSION + ".tgz");
    private static final String SCRIPT_IN_TARBALL = "package/axe.min.js";
    /** Impacts that fail a page; "moderate" and "minor" ones are printed but tolerated. */
    static final List<String> FAILING_IMPACTS = List.of("serious", "critical");

    private final String script;

    private AxeCore(String script) {
        this.script = script;
    }

    /**
     * axe-core from the first place that has it: {@code target/axe-core/}, the user's cache, the
     * registry, npm. Skips the calling tests (an assumption) when none does.
     */
    static AxeCore load() {
        Path local = Path.of("target", "axe-core", VERSION, "axe.min.js");
        Path cache = Path.of(System.getProperty("user.home"), ".cache", "kb-test", "axe-core-" + VERSION, "axe.min.js");
        List<String> failures = new ArrayList<>();
        for (Path file : List.of(local, cache)) {
            if (Files.isRegularFile(file)) {
                return new AxeCore(read(file));
            }
        }
        Optional<byte[]> tarball = download(failures).or(() -> npmPack(failures));
        Assumptions.assumeTrue(tarball.isPresent(), "accessibility scan skipped: axe-core " + VERSION
                + " is in neither target/axe-core/ nor ~/.cache/kb-test/, and neither the npm registry nor npm"
                + " could provide it (" + String.join("; ", failures) + ")");
        byte[] script = Tarball.entry(tarball.get(), SCRIPT_IN_TARBALL)
                .orElseThrow(() -> new IllegalStateException(TARBALL + " has no " + SCRIPT_IN_TARBALL));
        for (Path file : List.of(local, cache)) {
            write(file, script);
        }
        return new AxeCore(new String(script, StandardCharsets.UTF_8));
    }

    /**
     * Injects axe into the current page and runs it on the whole document, WCAG 2.x A and AA rules
     * plus axe's best practices.
     *
     * @return the violations found, most severe first
     */
    List<Violation> scan(WebDriver driver) {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        js.executeScript(script);
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']})
                  .then(r => done(r.violations.map(v => ({
                    id: v.id, impact: v.impact || '', help: v.help, helpUrl: v.helpUrl,
                    targets: v.nodes.map(n => n.target.join(' ')),
                    html: v.nodes.map(n => n.html)}))))
                  .catch(e => done('axe failed: ' + e));
                """);
        if (result instanceof String error) {
            throw new IllegalStateException(error);
        }
        List<Violation> violations = new ArrayList<>();
        for (Object item : (List<?>) result) {
            Map<?, ?> v = (Map<?, ?>) item;
            violations.add(new Violation((String) v.get("id"), (String) v.get("impact"), (String) v.get("help"),
                    (String) v.get("helpUrl"), strings(v.get("targets")), strings(v.get("html"))));
        }
        violations.sort((a, b) -> Integer.compare(rank(b.impact()), rank(a.impact())));
        return violations;
    }

    private static int rank(String impact) {
        return List.of("minor", "moderate", "serious", "critical").indexOf(impact);
    }

    private static List<String> strings(Object list) {
        return ((List<?>) list).stream().map(String::valueOf).toList();
    }

    /**
     * One rule an element breaks.
     *
     * @param id      axe's rule id ({@code color-contrast})
     * @param impact  minor, moderate, serious or critical
     * @param help    what the rule asks, in a line
     * @param helpUrl where axe explains it
     * @param targets CSS selectors of the offending elements
     * @param html    the offending elements' opening HTML, in the order of {@code targets}
     */
    record Violation(String id, String impact, String help, String helpUrl, List<String> targets, List<String> html) {

        Violation {
            targets = List.copyOf(targets);
            html = List.copyOf(html);
        }

        boolean fails() {
            return FAILING_IMPACTS.contains(impact);
        }

        /** The violation as a report paragraph: rule, impact, help, then each element. */
        String describe() {
            StringBuilder text = new StringBuilder()
                    .append(id).append(" (").append(impact).append("): ").append(help).append(" <").append(helpUrl).append(">");
            for (int i = 0; i < targets.size() && i < 8; i++) {
                String element = html.get(i);
                text.append("\n    ").append(targets.get(i)).append("  ")
                        .append(element.length() > 160 ? element.substring(0, 160) + "…" : element);
            }
            if (targets.size() > 8) {
                text.append("\n    … and ").append(targets.size() - 8).append(" more");
            }
            return text.toString();
        }
    }

    private static Optional<byte[]> download(List<String> failures) {
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(TARBALL).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                failures.add(TARBALL + ": HTTP " + response.statusCode());
                return Optional.empty();
            }
            return Optional.of(verified(response.body()));
        } catch (IOException e) {
            failures.add(TARBALL + ": " + e.getClass().getSimpleName() + " " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(TARBALL + ": interrupted");
            return Optional.empty();
        }
    }

    /** {@code npm pack axe-core@VERSION} in a scratch folder (npm honours the user's registry and proxy settings). */
    private static Optional<byte[]> npmPack(List<String> failures) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "axe-core", "npm-pack"));
            Process npm = new ProcessBuilder("npm", "pack", "--loglevel=error", "axe-core@" + VERSION)
                    .directory(folder.toFile()).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!npm.waitFor(120, TimeUnit.SECONDS)) {
                npm.destroy();
                failures.add("npm pack: timed out");
                return Optional.empty();
            }
            if (npm.exitValue() != 0) {
                failures.add("npm pack: exit " + npm.exitValue() + " " + output.lines().reduce((a, b) -> b).orElse(""));
                return Optional.empty();
            }
            Path tarball = folder.resolve("axe-core-" + VERSION + ".tgz");
            return Optional.of(verified(Files.readAllBytes(tarball)));
        } catch (IOException e) {
            failures.add("npm pack: " + e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add("npm pack: interrupted");
            return Optional.empty();
        }
    }

    /** The tarball, when its SHA-512 is the registry's published integrity; an error otherwise. */
    private static byte[] verified(byte[] tarball) {
        try {
            String actual = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(tarball));
            if (!actual.equals(INTEGRITY)) {
                throw new IllegalStateException("axe-core " + VERSION + " tarball has integrity " + actual + ", the registry publishes " + INTEGRITY);
            }
            return tarball;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "axe", ".tmp");
            Files.write(temporary, bytes);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The user's cache may be read-only; target/ suffices.
            if (file.startsWith("target")) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Reads one file out of a gzipped tar (ustar), as npm packs them. */
    private static final class Tarball {

        private static Optional<byte[]> entry(byte[] tgz, String name) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(tgz))) {
                byte[] header = new byte[512];
                while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                    String entryName = field(header, 0, 100);
                    String prefix = field(header, 345, 155);
                    String path = prefix.isEmpty() ? entryName : prefix + "/" + entryName;
                    long size = Long.parseLong(field(header, 124, 12).trim(), 8);
                    byte[] body = in.readNBytes((int) size);
                    in.skipNBytes((512 - size % 512) % 512);
                    if (path.equals(name)) {
                        return Optional.of(body);
                    }
                }
                return Optional.empty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static String field(byte[] header, int offset, int length) {
            int end = offset;
            while (end < offset + length && header[end] != 0) {
                end++;
            }
            return new String(header, offset, end - offset, StandardCharsets.US_ASCII);
        }
    }
}
