package kb;

import java.io.PrintWriter;
import java.io.StringWriter;
import kb.cli.Main;

/**
 * One run of the {@code kb} command line in-process, as a user types it: its exit code and what
 * it printed.
 */
public record CliRun(int code, String out, String err) {

    /** Runs {@code kb} with these arguments. */
    public static CliRun kb(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }
}
