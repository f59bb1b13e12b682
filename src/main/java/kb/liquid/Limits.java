package kb.liquid;

import java.time.Duration;

/**
 * The guards against hostile input for one render.
 *
 * @param maxOutput     the most characters a render (or any value in it) may produce
 * @param maxIterations the most loop iterations ({@code for}, {@code tablerow}) one render may run
 * @param maxDepth      the deepest include nesting
 * @param maxTime       the longest one render may take
 */
record Limits(int maxOutput, int maxIterations, int maxDepth, Duration maxTime) {

    /** kb's limits: 16 MiB, 10 million iterations, 100 includes deep, 10 seconds. */
    static final Limits DEFAULT = new Limits(LiquidEngine.MAX_OUTPUT, 10_000_000, 100, Duration.ofSeconds(10));
}
