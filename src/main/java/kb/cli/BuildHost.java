package kb.cli;

import java.util.function.UnaryOperator;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;

/**
 * Where {@code kb build} builds: in this process, or (on the command line) in the daemon of its
 * output folder when one runs, or, inside that daemon, with the daemon's builder.
 *
 * @param daemons     whether builds go to a daemon and start one when none runs ({@code kb} on
 *                    the command line; not kb run in-process, as tests do)
 * @param environment the environment variables that say whether to ({@code KB_DAEMON}, {@code CI})
 * @param resident    the daemon's builder, which keeps the last build's state; null outside a daemon
 * @param progress    inside a daemon, where the progress of the build goes (to its client)
 */
record BuildHost(boolean daemons, UnaryOperator<String> environment, SiteBuilder resident, BuildProgress progress) {

    /** Builds in this process, with no daemon. */
    static final BuildHost HERE = new BuildHost(false, name -> null, null, null);

    /** The command line's: builds in the output folder's daemon, started when none runs. */
    static final BuildHost COMMAND_LINE = commandLine(System::getenv);

    /** The command line's, in the environment {@code environment} gives. */
    static BuildHost commandLine(UnaryOperator<String> environment) {
        return new BuildHost(true, environment, null, null);
    }

    /** Inside the daemon: builds with {@code builder}, progress to {@code progress}. */
    static BuildHost daemon(SiteBuilder builder, BuildProgress progress) {
        return new BuildHost(false, name -> null, builder, progress);
    }
}
