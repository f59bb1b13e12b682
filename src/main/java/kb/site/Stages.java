package kb.site;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Runs the stages of a build one after the other and keeps how long each took, in order. */
final class Stages {

    private final Map<String, Double> timings = new LinkedHashMap<>();
    private final Runnable checkpoint;

    /** Stages that run {@code checkpoint} before each one (it throws to stop the build). */
    Stages(Runnable checkpoint) {
        this.checkpoint = checkpoint;
    }

    /** Runs a stage that makes something. */
    <T> T run(String name, Supplier<T> stage) {
        checkpoint.run();
        long start = System.nanoTime();
        try {
            return stage.get();
        } finally {
            timings.merge(name, (System.nanoTime() - start) / 1e9, Double::sum);
        }
    }

    /** Runs a stage that only writes. */
    void run(String name, Runnable stage) {
        run(name, () -> {
            stage.run();
            return null;
        });
    }

    /** Seconds per stage, in the order they ran. */
    Map<String, Double> timings() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(timings));
    }
}
