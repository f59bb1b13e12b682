package kb.serve;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.logging.JettyLogger;
import org.eclipse.jetty.logging.StdErrAppender;
import org.slf4j.LoggerFactory;

/**
 * What the server logs (through Jetty's SLF4J binding, as {@code kb serve} prints it) while a
 * test runs some requests: to check that a client's mistake leaves no stack trace there.
 */
final class ServerLog {

    private ServerLog() {
    }

    /** Runs {@code requests} and answers what was logged meanwhile (it still goes to the console too). */
    static String during(Runnable requests) {
        StdErrAppender appender = (StdErrAppender) ((JettyLogger) LoggerFactory.getLogger("kb")).getAppender();
        PrintStream before = appender.getStream();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        appender.setStream(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            requests.run();
        } finally {
            appender.setStream(before);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        // No stream of its own: the appender writes to System.err as it is at each line.
        (before == null ? System.err : before).print(log);
        return log;
    }
}
