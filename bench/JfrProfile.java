import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Summarises a JFR recording of {@code kb build} (a single-file program, no build needed):
 *
 * <pre>
 *   java bench/JfrProfile.java build.jfr ["plan 6.0 s, index 34.4 s, ..."] [TOP] [Class.method ...]
 * </pre>
 *
 * Prints CPU samples (jdk.ExecutionSample) as self time by method, self time by library (a JDK
 * frame is charged to the nearest library or kb package that called it, except file and
 * channel I/O, which is "IO"), inclusive time by library and by kb method, the same per build
 * phase, then allocation samples by class and by library, GC pauses and heap use, and for each
 * {@code Class.method} given, a tree of where the time under it goes.
 *
 * <p>Phases come from the {@code kb build --timings} line: they are laid end to end from the first
 * sample whose stack holds the planner ({@code kb.site.SitePlanner}), so a sample of any thread
 * (Lucene's merge threads included) falls in the phase the build was in at that moment.
 */
public final class JfrProfile {

    private static final Pattern PHASE = Pattern.compile("([a-z-]+) ([0-9.]+) s");

    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java JfrProfile.java RECORDING.jfr [\"plan 6.0 s, index 34.4 s, ...\"] [TOP]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        Map<String, Double> phases = new LinkedHashMap<>();
        if (args.length > 1) {
            Matcher m = PHASE.matcher(args[1]);
            while (m.find()) {
                phases.put(m.group(1), Double.parseDouble(m.group(2)));
            }
        }
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        List<String> roots = args.length > 3 ? List.of(args).subList(3, args.length) : List.of();
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        new JfrProfile(events, phases, top, roots).print();
    }

    private final List<RecordedEvent> events;
    private final Map<String, Double> phases;
    private final int top;
    private final List<String> roots;
    private Instant buildStart;

    private JfrProfile(List<RecordedEvent> events, Map<String, Double> phases, int top, List<String> roots) {
        this.events = events;
        this.phases = phases;
        this.top = top;
        this.roots = roots;
    }

    /** The library or kb package a class belongs to; null for the JDK (charged to its caller). */
    static String library(String className, String method) {
        if (className.startsWith("kb.")) {
            int dot = className.indexOf('.', 3);
            return dot < 0 ? "kb" : className.substring(0, dot);
        }
        if (className.startsWith("com.vladsch.flexmark")) {
            return "flexmark";
        }
        if (className.startsWith("freemarker.")) {
            return "freemarker";
        }
        if (className.startsWith("org.jsoup")) {
            return "jsoup";
        }
        if (className.startsWith("org.apache.lucene")) {
            return "lucene";
        }
        if (className.startsWith("org.yaml") || className.startsWith("org.snakeyaml")) {
            return "yaml";
        }
        if (className.startsWith("com.fasterxml.jackson")) {
            return "jackson";
        }
        if (className.startsWith("picocli")) {
            return "picocli";
        }
        if (className.startsWith("sun.nio.") || className.startsWith("java.nio.") || className.startsWith("java.io.")
                || className.startsWith("jdk.internal.fs") || className.startsWith("sun.nio.fs")) {
            return "IO";
        }
        if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")
                || className.startsWith("com.sun.")) {
            return null;
        }
        return "other:" + className.replaceAll("\\.[A-Z].*", "");
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }

    /** The library a sample's CPU time is charged to (see the class comment). */
    private static String selfLibrary(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            if (!f.isJavaFrame()) {
                continue;
            }
            String lib = library(f.getMethod().getType().getName(), f.getMethod().getName());
            if (lib != null) {
                return lib;
            }
        }
        return "jdk";
    }

    private String phaseOf(Instant at) {
        if (buildStart == null || phases.isEmpty()) {
            return "all";
        }
        double s = Duration.between(buildStart, at).toNanos() / 1e9;
        if (s < 0) {
            return "startup";
        }
        double end = 0;
        for (Map.Entry<String, Double> p : phases.entrySet()) {
            end += p.getValue();
            if (s < end) {
                return p.getKey();
            }
        }
        return "after";
    }

    private static final class Counter {
        final Map<String, Long> counts = new HashMap<>();
        long total;

        void add(String key, long n) {
            counts.merge(key, n, Long::sum);
        }

        void print(String title, int top, long total, String unit) {
            System.out.printf("%n%s%n", title);
            counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                    .forEach(e -> System.out.printf(Locale.ROOT, "  %6.1f%%  %10s  %s%n",
                            100.0 * e.getValue() / Math.max(1, total), format(e.getValue(), unit), e.getKey()));
        }
    }

    private static String format(long n, String unit) {
        if (unit.equals("MB")) {
            return String.format(Locale.ROOT, "%.0f MB", n / 1048576.0);
        }
        return n + " " + unit;
    }

    private void print() {
        List<RecordedEvent> samples = new ArrayList<>();
        List<RecordedEvent> allocations = new ArrayList<>();
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.ExecutionSample" -> samples.add(e);
                case "jdk.ObjectAllocationSample" -> allocations.add(e);
                default -> { }
            }
        }
        samples.sort(Comparator.comparing(RecordedEvent::getStartTime));
        for (RecordedEvent s : samples) {
            if (s.getStackTrace() != null && s.getStackTrace().getFrames().stream()
                    .anyMatch(f -> f.isJavaFrame() && f.getMethod().getType().getName().equals("kb.site.SitePlanner"))) {
                buildStart = s.getStartTime();
                break;
            }
        }
        System.out.printf("CPU samples (jdk.ExecutionSample): %d; phases: %s%n", samples.size(),
                phases.isEmpty() ? "(none given)" : phases);

        Map<String, Long> perPhase = new LinkedHashMap<>();
        Map<String, Counter> selfLibByPhase = new LinkedHashMap<>();
        Map<String, Counter> selfMethodByPhase = new LinkedHashMap<>();
        Map<String, Counter> inclKbByPhase = new LinkedHashMap<>();
        Counter selfMethod = new Counter();
        Counter selfLib = new Counter();
        Counter inclLib = new Counter();
        Counter inclKb = new Counter();
        Counter threads = new Counter();
        for (RecordedEvent s : samples) {
            RecordedStackTrace st = s.getStackTrace();
            if (st == null) {
                continue;
            }
            List<RecordedFrame> frames = st.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
            if (frames.isEmpty()) {
                continue;
            }
            String phase = phaseOf(s.getStartTime());
            perPhase.merge(phase, 1L, Long::sum);
            String self = name(frames.get(0));
            String lib = selfLibrary(frames);
            selfMethod.add(self, 1);
            selfLib.add(lib, 1);
            selfLibByPhase.computeIfAbsent(phase, p -> new Counter()).add(lib, 1);
            selfMethodByPhase.computeIfAbsent(phase, p -> new Counter()).add(self, 1);
            String thread = s.getThread("sampledThread") == null ? "?" : s.getThread("sampledThread").getJavaName();
            threads.add(thread == null ? "?" : thread.replaceAll("\\d+", "N"), 1);
            Set<String> libs = new HashSet<>();
            Set<String> kbMethods = new HashSet<>();
            for (RecordedFrame f : frames) {
                String cls = f.getMethod().getType().getName();
                String l = library(cls, f.getMethod().getName());
                libs.add(l == null ? "jdk" : l);
                if (cls.startsWith("kb.") && !cls.contains("$$Lambda")) {
                    kbMethods.add(name(f));
                }
            }
            libs.forEach(l -> inclLib.add(l, 1));
            kbMethods.forEach(m -> inclKb.add(m, 1));
            Counter phaseKb = inclKbByPhase.computeIfAbsent(phase, p -> new Counter());
            kbMethods.forEach(m -> phaseKb.add(m, 1));
        }
        long n = perPhase.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("%nSamples per phase:%n");
        perPhase.forEach((p, c) -> System.out.printf(Locale.ROOT, "  %-12s %6d  %5.1f%%%n", p, c, 100.0 * c / n));
        threads.print("Samples by thread (digits as N):", 10, n, "samples");
        selfLib.print("Self CPU by library (JDK frames charged to their caller; IO = java.io/java.nio):", top, n, "samples");
        inclLib.print("Inclusive CPU by library (share of samples with the library anywhere on the stack):", top, n, "samples");
        selfMethod.print("Self CPU by method (top frame):", top, n, "samples");
        inclKb.print("Inclusive CPU by kb method:", top, n, "samples");
        for (String phase : perPhase.keySet()) {
            long pn = perPhase.get(phase);
            if (pn < n / 50) {
                continue;
            }
            System.out.printf("%n===== phase %s: %d samples =====%n", phase, pn);
            selfLibByPhase.get(phase).print("Self CPU by library:", 12, pn, "samples");
            selfMethodByPhase.get(phase).print("Self CPU by method:", 15, pn, "samples");
            inclKbByPhase.get(phase).print("Inclusive CPU by kb method:", 20, pn, "samples");
        }

        Counter allocClass = new Counter();
        Counter allocLib = new Counter();
        Counter allocSite = new Counter();
        Map<String, Long> allocPhase = new LinkedHashMap<>();
        long allocTotal = 0;
        for (RecordedEvent a : allocations) {
            long w = a.getLong("weight");
            allocTotal += w;
            allocClass.add(a.getClass("objectClass").getName(), w);
            allocPhase.merge(phaseOf(a.getStartTime()), w, Long::sum);
            RecordedStackTrace st = a.getStackTrace();
            if (st != null) {
                List<RecordedFrame> frames = st.getFrames().stream().filter(RecordedFrame::isJavaFrame).toList();
                allocLib.add(selfLibrary(frames), w);
                String site = frames.stream().map(JfrProfile::name)
                        .filter(m -> library(m.substring(0, m.lastIndexOf('.')), "") != null).findFirst().orElse("?");
                allocSite.add(site, w);
            }
        }
        System.out.printf(Locale.ROOT, "%nAllocation (jdk.ObjectAllocationSample, weighted): %.1f GB in total%n",
                allocTotal / 1073741824.0);
        long at = allocTotal;
        allocPhase.forEach((p, w) -> System.out.printf(Locale.ROOT, "  %-12s %8.0f MB  %5.1f%%%n", p, w / 1048576.0, 100.0 * w / at));
        allocClass.print("Allocation by class:", 15, allocTotal, "MB");
        allocLib.print("Allocation by library (JDK frames charged to their caller):", 15, allocTotal, "MB");
        allocSite.print("Allocation by first non-JDK frame:", top, allocTotal, "MB");

        for (String root : roots) {
            calleeTree(samples, root);
        }
        gc();
    }

    /**
     * Where the time under {@code root} (a method, "Class.method") goes: its callees, three levels
     * deep, JDK-internal and lambda frames skipped, each with its share of the samples under root.
     */
    private void calleeTree(List<RecordedEvent> samples, String root) {
        Map<List<String>, Long> paths = new HashMap<>();
        long under = 0;
        for (RecordedEvent s : samples) {
            if (s.getStackTrace() == null) {
                continue;
            }
            List<String> frames = s.getStackTrace().getFrames().stream().filter(RecordedFrame::isJavaFrame)
                    .map(JfrProfile::name).toList();
            int at = frames.lastIndexOf(root); // outermost call of root
            if (at < 0) {
                continue;
            }
            under++;
            List<String> path = new ArrayList<>();
            for (int i = at - 1; i >= 0 && path.size() < DEPTH; i--) {
                String m = frames.get(i);
                if (m.contains("$$Lambda") || m.contains(".lambda$") || m.startsWith("java.util.stream.")
                        || m.startsWith("java.util.Spliterator") || m.startsWith("java.util.ArrayList$")) {
                    continue;
                }
                path.add(m);
                paths.merge(List.copyOf(path), 1L, Long::sum);
            }
        }
        System.out.printf("%nCallees of %s (%d samples; shares of those, at least 2%%):%n", root, under);
        long total = under;
        printLevel(paths, List.of(), total, 0);
    }

    private static final int DEPTH = 4;

    private static void printLevel(Map<List<String>, Long> paths, List<String> prefix, long total, int depth) {
        paths.entrySet().stream()
                .filter(e -> e.getKey().size() == prefix.size() + 1 && e.getKey().subList(0, prefix.size()).equals(prefix))
                .filter(e -> e.getValue() * 50 >= total)
                .sorted(Map.Entry.<List<String>, Long>comparingByValue().reversed())
                .forEach(e -> {
                    System.out.printf(Locale.ROOT, "  %s%5.1f%%  %s%n", "  ".repeat(depth), 100.0 * e.getValue() / total,
                            e.getKey().get(e.getKey().size() - 1));
                    printLevel(paths, e.getKey(), total, depth + 1);
                });
    }

    private void gc() {
        long pauses = 0;
        long longest = 0;
        int collections = 0;
        Map<String, Long> byName = new LinkedHashMap<>();
        long maxUsedAfter = 0;
        long maxCommitted = 0;
        long maxRss = 0;
        double gcUser = 0;
        double gcReal = 0;
        Map<String, Long> exceptions = new HashMap<>();
        Map<String, Double> threadCpu = new HashMap<>();
        Map<String, Instant> lastLoad = new HashMap<>();
        int cores = Runtime.getRuntime().availableProcessors();
        for (RecordedEvent e : events) {
            if (e.getEventType().getName().equals("jdk.CPUInformation")) {
                cores = e.getInt("hwThreads");
            }
        }
        for (RecordedEvent e : events) {
            switch (e.getEventType().getName()) {
                case "jdk.GarbageCollection" -> {
                    collections++;
                    long p = e.getDuration("sumOfPauses").toNanos();
                    pauses += p;
                    longest = Math.max(longest, e.getDuration("longestPause").toNanos());
                    byName.merge(e.getString("name") + " (" + e.getString("cause") + ")", 1L, Long::sum);
                }
                case "jdk.GCHeapSummary" -> {
                    long used = e.getLong("heapUsed");
                    if ("After GC".equals(e.getString("when"))) {
                        maxUsedAfter = Math.max(maxUsedAfter, used);
                    }
                    Object space = e.getValue("heapSpace");
                    if (space instanceof jdk.jfr.consumer.RecordedObject o) {
                        maxCommitted = Math.max(maxCommitted, o.getLong("committedSize"));
                    }
                }
                case "jdk.ResidentSetSize" -> maxRss = Math.max(maxRss, e.getLong("size"));
                case "jdk.GCCPUTime" -> {
                    gcUser += (e.getLong("userTime") + e.getLong("systemTime")) / 1e9;
                    gcReal += e.getLong("realTime") / 1e9;
                }
                case "jdk.ThreadCPULoad" -> {
                    // user and system are shares of the whole machine since the thread's last event
                    // (or since it started); the first interval of a thread is taken as the period.
                    String thread = e.getThread("eventThread") == null ? "?" : e.getThread("eventThread").getJavaName();
                    thread = thread == null ? "?" : thread.replaceAll("\\d+", "N");
                    String key = e.getThread("eventThread") == null ? "?" : String.valueOf(e.getThread("eventThread").getJavaThreadId());
                    Instant previous = lastLoad.put(key, e.getStartTime());
                    double seconds = previous == null ? 10 : Duration.between(previous, e.getStartTime()).toNanos() / 1e9;
                    threadCpu.merge(thread, (e.getFloat("user") + e.getFloat("system")) * seconds * cores, Double::sum);
                }
                case "jdk.JavaExceptionThrow", "jdk.JavaErrorThrow" -> {
                    String cls = e.getClass("thrownClass") == null ? "?" : e.getClass("thrownClass").getName();
                    List<String> names = e.getStackTrace() == null ? List.of() : e.getStackTrace().getFrames().stream()
                            .filter(RecordedFrame::isJavaFrame).map(JfrProfile::name).toList();
                    String where = names.stream().filter(m -> m.startsWith("kb.")).findFirst()
                            .or(() -> names.stream().filter(m -> library(m, "") != null && !m.startsWith("sun.")).findFirst())
                            .orElse("?");
                    exceptions.merge(cls + " at " + where, 1L, Long::sum);
                }
                default -> { }
            }
        }
        System.out.printf(Locale.ROOT, "%nGC: %d collections, pauses %.2f s in total, longest %.0f ms; GC CPU %.1f s (GC wall %.1f s)%n",
                collections, pauses / 1e9, longest / 1e6, gcUser, gcReal);
        byName.forEach((k, v) -> System.out.printf("  %5d  %s%n", v, k));
        System.out.printf(Locale.ROOT, "Heap: max used after GC %.0f MB, max committed %.0f MB; peak RSS seen by JFR %.0f MB%n",
                maxUsedAfter / 1048576.0, maxCommitted / 1048576.0, maxRss / 1048576.0);
        System.out.printf("%nCPU by thread (jdk.ThreadCPULoad, about; GC threads are not Java threads, see GC CPU):%n");
        threadCpu.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .forEach(e -> System.out.printf(Locale.ROOT, "  %7.1f s  %s%n", e.getValue(), e.getKey()));
        System.out.printf("%nExceptions thrown (class at first non-JDK frame):%n");
        exceptions.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }
}
