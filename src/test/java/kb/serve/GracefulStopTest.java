package kb.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping kb serve (Ctrl-C, SIGTERM: {@link KbServer#close()} from the shutdown hook) finishes
 * the answers under way before it closes the connections and the index.
 */
class GracefulStopTest {

    @Test
    void anAnswerUnderWayIsFinishedWhileNewConnectionsAreRefused(@TempDir Path tmp) throws Exception {
        ServedSite site = ServedSite.build(tmp, "");
        byte[] big = new byte[24 * 1024 * 1024];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) ('a' + i % 26);
        }
        Files.write(site.site().resolve("big.bin"), big);
        KbServer server = site.serve();
        int port = server.port();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.setReceiveBufferSize(16 * 1024);
            socket.getOutputStream().write("GET /big.bin HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            byte[] first = in.readNBytes(64 * 1024);
            // The server now waits for the client to read on: stop it meanwhile.
            CompletableFuture<Void> stopping = CompletableFuture.runAsync(server::close);
            Thread.sleep(300);
            assertThat(stopping).as("close() waits for the answer under way").isNotDone();
            assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

            ByteArrayOutputStream rest = new ByteArrayOutputStream();
            rest.write(first);
            in.transferTo(rest);
            String answer = rest.toString(StandardCharsets.ISO_8859_1);
            int body = answer.indexOf("\r\n\r\n") + 4;
            assertThat(answer).startsWith("HTTP/1.1 200 ").contains("Content-Length: " + big.length);
            assertThat(rest.size() - body).as("bytes of the body received").isEqualTo(big.length);
            stopping.get(10, TimeUnit.SECONDS);
        } finally {
            server.close();
        }
    }

    @Test
    void closingTwiceIsHarmless(@TempDir Path tmp) throws IOException {
        KbServer server = ServedSite.build(tmp, "").serve();
        server.close();
        server.close();
    }
}
