package kb.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/**
 * One connection between a {@code kb build} and the daemon, as frames: a type byte and its
 * fields. The client sends a {@link Request}, then at most a {@link #CANCEL}; the daemon answers
 * with text, progress and, last, an {@link #EXIT} code or a {@link #REFUSED} with its reason.
 * Writes from several threads (a build's progress comes from its workers) are serialised here.
 */
final class Wire implements AutoCloseable {

    /** The first four bytes of a request: "kbd" and the protocol's version. */
    static final int MAGIC = 0x6b626432;

    /** Daemon to client: its build begins (until then it waits for another client's). */
    static final byte BEGUN = 'B';
    /** Daemon to client: text for standard output. */
    static final byte OUT = 'O';
    /** Daemon to client: text for standard error. */
    static final byte ERR = 'E';
    /** Daemon to client: a progress phase begins (its name, its steps). */
    static final byte STARTED = 'S';
    /** Daemon to client: steps of the phase done. */
    static final byte ADVANCED = 'A';
    /** Daemon to client: the phase is over. */
    static final byte FINISHED = 'F';
    /** Daemon to client: the command is done, with its exit code; the last frame. */
    static final byte EXIT = 'X';
    /** Daemon to client: the daemon does not run this request (the reason follows); the last frame. */
    static final byte REFUSED = 'R';
    /** Client to daemon: stop the build (Ctrl-C). */
    static final byte CANCEL = 'C';

    /** Characters per text frame: {@link DataOutputStream#writeUTF} takes at most 65,535 bytes. */
    private static final int CHUNK = 16_000;

    private final SocketChannel channel;
    private final DataInputStream in;
    private final DataOutputStream out;
    /**
     * Whether sending failed (the client went away): later frames are dropped, so that a build
     * whose client is gone is not stopped half-way by its own progress or output.
     */
    private boolean broken;

    Wire(SocketChannel channel) {
        this.channel = channel;
        this.in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(channel)));
        this.out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel)));
    }

    DataInputStream in() {
        return in;
    }

    /** Whether the peer sent a cancel that is waiting to be read (it is then read). */
    boolean cancelWaiting() throws IOException {
        return in.available() > 0 && in.read() == CANCEL;
    }

    /** Sends a request and flushes it. */
    synchronized void send(Request request) throws IOException {
        out.writeInt(MAGIC);
        out.writeUTF(request.version());
        out.writeUTF(request.context());
        out.writeUTF(request.directory());
        out.writeInt(request.args().size());
        for (String arg : request.args()) {
            writeText(arg);
        }
        out.writeBoolean(request.progress());
        out.writeBoolean(request.guessed());
        out.flush();
    }

    /**
     * Reads a request; empty when the peer closes the connection without sending anything (a
     * daemon checking whether this one is alive).
     *
     * @throws IOException also when the peer is not a kb client of this protocol
     */
    java.util.Optional<Request> receive() throws IOException {
        int first = in.read();
        if (first < 0) {
            return java.util.Optional.empty();
        }
        if ((first << 24 | in.readUnsignedByte() << 16 | in.readUnsignedShort()) != MAGIC) {
            throw new IOException("not a kb build request of this kb's protocol");
        }
        String version = in.readUTF();
        String context = in.readUTF();
        String directory = in.readUTF();
        int count = in.readInt();
        if (count < 0 || count > 10_000) {
            throw new IOException("not a kb build request: " + count + " arguments");
        }
        java.util.List<String> args = new java.util.ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            args.add(readText());
        }
        boolean progress = in.readBoolean();
        return java.util.Optional.of(new Request(version, context, directory, args, progress, in.readBoolean()));
    }

    /** Sends a frame of {@code type} with a text, in chunks as long as it takes. */
    synchronized void text(byte type, String text) {
        if (broken) {
            return;
        }
        try {
            // Modified UTF-8 encodes each half of a surrogate pair on its own: a pair split
            // between two frames is whole again once they are joined.
            for (int from = 0; from < text.length(); from += CHUNK) {
                out.writeByte(type);
                out.writeUTF(text.substring(from, Math.min(text.length(), from + CHUNK)));
            }
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Sends a frame of {@code type} with a text (when not null) and a number (when not null). */
    synchronized void frame(byte type, String text, Integer number) {
        if (broken) {
            return;
        }
        try {
            out.writeByte(type);
            if (text != null) {
                out.writeUTF(text);
            }
            if (number != null) {
                out.writeInt(number);
            }
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Sends a frame of {@code type} alone (a cancel, a phase's end). */
    synchronized void frame(byte type) {
        frame(type, null, null);
    }

    /** Whether a frame could not be sent: the peer is gone. */
    synchronized boolean broken() {
        return broken;
    }

    /** A long text in one piece: its length, then its chunks. */
    private void writeText(String text) throws IOException {
        int chunks = (text.length() + CHUNK - 1) / CHUNK;
        out.writeInt(chunks);
        for (int i = 0; i < chunks; i++) {
            out.writeUTF(text.substring(i * CHUNK, Math.min(text.length(), (i + 1) * CHUNK)));
        }
    }

    private String readText() throws IOException {
        int chunks = in.readInt();
        if (chunks < 0 || chunks > 1_000) {
            throw new IOException("not a kb build request: an argument of " + chunks + " parts");
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            text.append(in.readUTF());
        }
        return text.toString();
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing a socket that failed: nothing more to do
        }
    }
}
