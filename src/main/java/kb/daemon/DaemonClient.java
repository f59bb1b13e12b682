package kb.daemon;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import kb.site.BuildProgress;

/**
 * The {@code kb build} side of a daemon: sends a request to the daemon of its output folder and
 * shows what comes back (output, diagnostics, progress) as if the build ran here.
 */
public final class DaemonClient {

    /** What asking the daemon came to. */
    public sealed interface Outcome {

        /** The daemon ran the command: its exit code. */
        record Ran(int exitCode) implements Outcome {
        }

        /**
         * The daemon did not run it, or not to the end: the command is to run here.
         *
         * @param problem what went wrong, for the user; null when nothing did (no daemon listens,
         *                or it is for another kb or working directory and stops)
         */
        record NotRun(String problem) implements Outcome {
        }
    }

    /** How long a client waits for its build to begin before it says the daemon is busy. */
    private static final java.time.Duration BUSY_AFTER = java.time.Duration.ofSeconds(1);

    private final DaemonAddress address;

    public DaemonClient(DaemonAddress address) {
        this.address = address;
    }

    /**
     * Runs {@code request} on the daemon, printing its output to {@code out} and {@code err} and
     * its progress to {@code progress}. Ctrl-C meanwhile asks the daemon to stop the build.
     *
     * @return the exit code, or why the request did not run there
     */
    public Outcome run(Request request, PrintWriter out, PrintWriter err, BuildProgress progress) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()));
        } catch (IOException | UnsupportedOperationException e) {
            return new Outcome.NotRun(null); // none listens (a socket left by one that died refuses)
        }
        try (Wire wire = new Wire(channel)) {
            // Classes, not lambdas: the first lambda costs a client's JVM 20 ms (kb.cli.QuickBuild#main).
            Thread cancel = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        wire.frame(Wire.CANCEL);
                    } catch (RuntimeException e) {
                        // the daemon is gone already
                    }
                }
            }, "kb-daemon-cancel");
            Runtime.getRuntime().addShutdownHook(cancel);
            java.util.concurrent.CountDownLatch begun = new java.util.concurrent.CountDownLatch(1);
            Thread busy = new Thread(new Runnable() {
                @Override
                public void run() {
                    try {
                        if (!begun.await(BUSY_AFTER.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                            err.println("kb build: the build daemon of this folder is busy (another build); waiting for it");
                        }
                    } catch (InterruptedException e) {
                        // done
                    }
                }
            }, "kb-daemon-busy");
            busy.setDaemon(true);
            busy.start();
            try {
                wire.send(request);
                return relay(wire.in(), out, err, progress, begun);
            } finally {
                begun.countDown();
                busy.interrupt();
                removeHook(cancel);
            }
        } catch (IOException e) {
            return new Outcome.NotRun("the connection to the build daemon failed: " + e.getMessage());
        }
    }

    /** What asking a daemon to stop came to. */
    public enum Stop {
        /** No daemon listens. */
        NONE,
        /** It stopped. */
        STOPPED,
        /** It is busy with a build: it stops once that is over (the request waits for its turn). */
        AFTER_ITS_BUILD
    }

    /** Asks the daemon to stop, waiting at most {@code wait} for it to answer. */
    public Stop stop(java.time.Duration wait) {
        SocketChannel channel;
        try {
            channel = SocketChannel.open(UnixDomainSocketAddress.of(address.socket()));
        } catch (IOException | UnsupportedOperationException e) {
            return Stop.NONE;
        }
        java.util.concurrent.atomic.AtomicBoolean answered = new java.util.concurrent.atomic.AtomicBoolean();
        try (Wire wire = new Wire(channel)) {
            wire.send(Request.here("", BuildDaemon.STOP, false));
            // A daemon busy with a build answers after it: the request is sent, and read then.
            Thread deadline = Thread.ofPlatform().daemon().start(() -> {
                try {
                    Thread.sleep(wait);
                    if (!answered.get()) {
                        channel.shutdownInput();
                    }
                } catch (InterruptedException | IOException e) {
                    // answered, or closed
                }
            });
            boolean any = false;
            while (wire.in().read() >= 0) {
                any = true; // until the daemon closes the connection
            }
            answered.set(true);
            deadline.interrupt();
            return any ? Stop.STOPPED : Stop.AFTER_ITS_BUILD;
        } catch (IOException e) {
            return Stop.AFTER_ITS_BUILD;
        }
    }

    private Outcome relay(DataInputStream in, PrintWriter out, PrintWriter err, BuildProgress progress,
            java.util.concurrent.CountDownLatch begun) throws IOException {
        try {
            while (true) {
                int type = in.read();
                switch (type) {
                    case Wire.BEGUN -> begun.countDown();
                    case Wire.OUT -> {
                        out.print(in.readUTF());
                        out.flush();
                    }
                    case Wire.ERR -> {
                        err.print(in.readUTF());
                        err.flush();
                    }
                    case Wire.STARTED -> progress.started(in.readUTF(), in.readInt());
                    case Wire.ADVANCED -> progress.advanced(in.readInt());
                    case Wire.FINISHED -> progress.finished();
                    case Wire.EXIT -> {
                        return new Outcome.Ran(in.readInt());
                    }
                    case Wire.REFUSED -> {
                        in.readUTF(); // for the daemon's log
                        return new Outcome.NotRun(null);
                    }
                    case -1 -> throw new EOFException();
                    default -> throw new IOException("unknown frame " + type);
                }
            }
        } catch (EOFException e) {
            progress.finished();
            return new Outcome.NotRun("the build daemon did not finish the build (see its log, " + address.log() + ")");
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down (Ctrl-C): the hook runs
        }
    }
}
