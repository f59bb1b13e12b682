package kb.daemon;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kb.site.BuildProgress;

/**
 * A resident build process for one output folder (as Gradle's daemon is for a project): it keeps
 * the last build's state in memory and its code compiled, so a {@code kb build} after an edit
 * spends its time on the edit, not on starting a JVM and reading the state of the whole site.
 * It runs one request at a time, for clients of its own kb, working directory and context only
 * (others are refused, and it stops so that theirs can start); it stops after {@code idle}
 * without a request, when its socket is removed or replaced, when the folder of its log (the
 * output folder's {@code .kb-state}) is removed, or when its kb's jar changes.
 */
public final class BuildDaemon {

    /** The arguments of a request to stop the daemon. */
    static final List<String> STOP = List.of("daemon", "--stop");

    /** How often the daemon looks at its clock, its socket and its jar. */
    private static final Duration LOOK_EVERY = Duration.ofSeconds(5);

    /** Runs one command for a client. */
    @FunctionalInterface
    public interface Handler {

        /**
         * Runs the command {@code args} ({@code build} and its options).
         *
         * @param cancel where to register what stops the build when the client is stopped: it
         *               answers whether the build stops (false: it has not begun, or cannot)
         * @return its exit code
         */
        int run(List<String> args, PrintWriter out, PrintWriter err, BuildProgress progress,
                Consumer<BooleanSupplier> cancel);
    }

    private final DaemonAddress address;
    private final String version;
    private final Supplier<String> versionNow;
    private final Duration idle;
    private final Handler handler;
    private final PrintWriter log;
    /** What a client must share with the daemon: computed once (it reads /proc and the JVM's options). */
    private final String context = Request.contextHere();
    private final String directory = Request.workingDirectory().toString();
    private volatile long lastActive = System.nanoTime();
    private volatile boolean busy;
    private volatile String stopReason;
    private ServerSocketChannel server;
    private Object socketKey;

    /**
     * @param version    the kb this daemon runs (see {@link Request#version()})
     * @param versionNow the kb now installed: the daemon stops when it is another
     * @param log        where the daemon says what it does (its log file), flushed at each line
     */
    public BuildDaemon(DaemonAddress address, String version, Supplier<String> versionNow, Duration idle,
            Handler handler, PrintWriter log) {
        this.address = address;
        this.version = version;
        this.versionNow = versionNow;
        this.idle = idle;
        this.handler = handler;
        this.log = log;
    }

    /**
     * Listens on the address, unless another daemon does.
     *
     * @return whether this daemon listens; false when another one answers there
     */
    public boolean bind() throws IOException {
        Path socket = address.socket();
        if (Files.exists(socket)) {
            try (SocketChannel other = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
                return false; // another daemon answers: it serves this folder
            } catch (IOException e) {
                Files.deleteIfExists(socket); // left by a daemon that died
            }
        }
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        socketKey = key(socket);
        return true;
    }

    /** Serves requests until the daemon stops (see the class comment); after {@link #bind}. */
    public void serve() {
        Thread watch = Thread.ofPlatform().daemon().name("kb-daemon-watch").start(this::watch);
        log.println("kb daemon: listening on " + address.socket() + " (pid " + ProcessHandle.current().pid()
                + "; stops after " + idle.toMinutes() + " idle minutes)");
        try {
            while (stopReason == null) {
                SocketChannel client;
                try {
                    client = server.accept();
                } catch (ClosedChannelException e) {
                    break;
                } catch (IOException e) {
                    stop("the socket failed: " + e.getMessage());
                    break;
                }
                busy = true;
                try (Wire wire = new Wire(client)) {
                    try {
                        answer(wire);
                    } catch (IOException | RuntimeException e) {
                        // Logged before the connection closes: the client then points to the log.
                        StackTraceElement[] at = e.getStackTrace();
                        log.println("kb daemon: a request failed: " + e + (at.length > 0 ? " at " + at[0] : ""));
                    }
                } finally {
                    busy = false;
                    lastActive = System.nanoTime();
                }
            }
        } finally {
            stop("done");
            watch.interrupt();
            log.println("kb daemon: stopped: " + stopReason);
        }
    }

    /** Stops listening and removes the socket (if it is still this daemon's). Any thread. */
    public synchronized void stop(String reason) {
        if (stopReason == null) {
            stopReason = reason;
        }
        try {
            if (server != null && server.isOpen()) {
                server.close();
                if (Objects.equals(key(address.socket()), socketKey)) {
                    Files.deleteIfExists(address.socket());
                }
            }
        } catch (IOException e) {
            log.println("kb daemon: cannot remove " + address.socket() + ": " + e.getMessage());
        }
    }

    private void answer(Wire wire) throws IOException {
        Request request;
        try {
            Optional<Request> received = wire.receive();
            if (received.isEmpty()) {
                return; // another daemon checking that this one answers
            }
            request = received.get();
        } catch (IOException e) {
            // A client of another protocol (a newer kb): it cannot start a daemon of its own while this one listens.
            stop("a request it cannot read (" + e.getMessage() + ")");
            throw e;
        }
        if (request.args().equals(STOP)) {
            stop("asked to stop");
            wire.frame(Wire.EXIT, null, 0);
            return;
        }
        String refusal = !request.version().equals(version) ? "a client of another kb (" + request.version() + ")"
                : !request.context().equals(context) ? "a client in another context (" + request.context() + ")"
                : !request.directory().equals(directory)
                        ? "a client in another working directory (" + request.directory() + ")" : null;
        if (refusal != null && request.guessed() && request.version().equals(version)
                && request.directory().equals(directory)) {
            // A context the launcher foresaw for its JVM of builds: that JVM asks again with its own.
            log.println("kb daemon: refused " + refusal + ", foreseen by the launcher; its JVM of builds asks again");
            wire.frame(Wire.REFUSED, refusal, null);
            return;
        }
        if (refusal != null) {
            // It stops first, so that the client's build can start a daemon of its own at once.
            stop(refusal);
            wire.frame(Wire.REFUSED, refusal, null);
            return;
        }
        long start = System.nanoTime();
        Cancel cancel = new Cancel();
        if (wire.cancelWaiting()) {
            // Ctrl-C while it waited for another client's build: it gets none.
            log.println("kb daemon: the client stopped before its build began");
            return;
        }
        wire.frame(Wire.BEGUN);
        Thread listener = Thread.ofPlatform().daemon().name("kb-daemon-client").start(() -> listen(wire, cancel));
        int code;
        try (PrintWriter out = new PrintWriter(new FrameWriter(wire, Wire.OUT), true);
                PrintWriter err = new PrintWriter(new FrameWriter(wire, Wire.ERR), true)) {
            try {
                code = handler.run(request.args(), out, err, new RemoteProgress(wire, request.progress()), cancel::register);
            } finally {
                // Also when the build failed: a later cancel must not stop the next client's build.
                cancel.done();
            }
        }
        log.printf("kb daemon: %s -> exit %d in %.2f s%s%n", String.join(" ", request.args()), code,
                (System.nanoTime() - start) / 1e9, wire.broken() ? " (its client had gone)" : "");
        wire.frame(Wire.EXIT, null, code);
        listener.interrupt();
    }

    /**
     * Reads what the client sends during its build: a cancel (Ctrl-C), or the end of the
     * connection (the client was killed). Either stops the build, as soon as it can be stopped.
     */
    private void listen(Wire wire, Cancel cancel) {
        try {
            int b = wire.in().read();
            if (b == Wire.CANCEL || b < 0) {
                cancel.request(log);
            }
        } catch (IOException e) {
            cancel.request(log); // the connection failed: as good as closed
        }
    }

    /**
     * A request's cancellation: asked for by the client at any moment, carried out by what the
     * handler registers (stopping the build) as soon as it succeeds — a build not yet begun
     * cannot be stopped, so it is tried again until the build stops or ends.
     */
    private static final class Cancel {

        private boolean done;
        private BooleanSupplier action = () -> false;

        synchronized void register(BooleanSupplier stop) {
            action = stop;
        }

        /** The request is answered: from now on a cancel stops nothing (the next build is another client's). */
        synchronized void done() {
            done = true;
        }

        void request(PrintWriter log) {
            synchronized (this) {
                if (done) {
                    return;
                }
            }
            log.println("kb daemon: the client stopped; stopping its build");
            try {
                while (!tried()) {
                    Thread.sleep(50);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Whether the build stopped, or the request is answered; the test and the stop at once. */
        private synchronized boolean tried() {
            return done || action.getAsBoolean();
        }
    }

    private void watch() {
        try {
            while (stopReason == null) {
                Thread.sleep(idle.dividedBy(2).compareTo(LOOK_EVERY) < 0 ? idle.dividedBy(2) : LOOK_EVERY);
                if (!busy && System.nanoTime() - lastActive > idle.toNanos()) {
                    stop("idle for " + idle.toMinutes() + " minutes");
                } else if (!Files.isDirectory(address.log().getParent())) {
                    stop("the folder of its output's build state, " + address.log().getParent() + ", was removed");
                } else if (!Objects.equals(key(address.socket()), socketKey)) {
                    stop("its socket " + address.socket() + " was removed");
                } else if (!busy && !versionNow.get().equals(version)) {
                    stop("kb was rebuilt");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What identifies a file (its inode), or null when there is none. */
    private static Object key(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** Text written to it goes to the client as frames of one type, at each flush. */
    private static final class FrameWriter extends Writer {

        private final Wire wire;
        private final byte type;
        private final StringBuilder pending = new StringBuilder();

        FrameWriter(Wire wire, byte type) {
            this.wire = wire;
            this.type = type;
        }

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            pending.append(chars, off, len);
        }

        @Override
        public synchronized void flush() {
            if (!pending.isEmpty()) {
                wire.text(type, pending.toString());
                pending.setLength(0);
            }
        }

        @Override
        public void close() {
            flush();
        }
    }

    /**
     * A build's progress, sent to the client when it shows a progress bar (steps in batches, at
     * most ten a second), and its notes (another build holds the folder), always.
     */
    private static final class RemoteProgress implements BuildProgress {

        private static final long EVERY = 100_000_000L;

        private final Wire wire;
        private final boolean shown;
        private int steps;
        private long sent = System.nanoTime();

        RemoteProgress(Wire wire, boolean shown) {
            this.wire = wire;
            this.shown = shown;
        }

        @Override
        public synchronized void started(String phase, int total) {
            if (shown) {
                wire.frame(Wire.STARTED, phase, Math.max(0, total));
            }
        }

        @Override
        public synchronized void advanced() {
            if (!shown) {
                return;
            }
            steps++;
            long now = System.nanoTime();
            if (now - sent > EVERY) {
                send(now);
            }
        }

        @Override
        public synchronized void finished() {
            if (shown) {
                send(System.nanoTime());
                wire.frame(Wire.FINISHED);
            }
        }

        @Override
        public void note(String message) {
            wire.text(Wire.ERR, message + System.lineSeparator());
        }

        private void send(long now) {
            if (steps > 0) {
                wire.frame(Wire.ADVANCED, null, steps);
                steps = 0;
            }
            sent = now;
        }
    }
}
