package kb.cli;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import kb.daemon.DaemonClient;
import kb.site.BuildProgress;
import kb.site.SiteBuilder;

/**
 * Where {@code kb build} builds: in this process, or (on the command line) in the daemon of its
 * output folder when one runs, or, inside that daemon, with the daemon's builder.
 *
 * @param daemons     whether builds go to a daemon and start one when none runs ({@code kb} on
 *                    the command line; not kb run in-process, as tests do)
 * @param environment the environment variables that say whether to ({@code KB_DAEMON}, {@code CI})
 * @param asked       on the command line, what handing the build to the daemon before its
 *                    command line was read came to ({@link QuickBuild}), the daemon is not asked
 *                    again; null when it was not asked
 * @param resident    the daemon's builder, which keeps the last build's state; null outside a daemon
 * @param progress    inside a daemon, where the progress of the build goes (to its client)
 * @param serves      inside a daemon, the output folder it builds into (absolute); null outside
 * @param warmingUp   inside a daemon, whether the build is its warm-up ({@link SiteBuilder#warmUp})
 */
record BuildHost(boolean daemons, UnaryOperator<String> environment, DaemonClient.Outcome asked, SiteBuilder resident,
        BuildProgress progress, Path serves, boolean warmingUp) {

    /** Builds in this process, with no daemon. */
    static final BuildHost HERE = new BuildHost(false, name -> null, null, null, null, null, false);

    /** The command line's, in the environment {@code environment} gives. */
    static BuildHost commandLine(UnaryOperator<String> environment) {
        return new BuildHost(true, environment, null, null, null, null, false);
    }

    /** The command line's, after the daemon was asked with what came of it. */
    BuildHost afterAsking(DaemonClient.Outcome outcome) {
        return new BuildHost(daemons, environment, outcome, resident, progress, serves, warmingUp);
    }

    /** Inside the daemon of {@code serves}: builds with {@code builder}, progress to {@code progress}. */
    static BuildHost daemon(SiteBuilder builder, BuildProgress progress, Path serves) {
        return new BuildHost(false, name -> null, null, builder, progress, serves.toAbsolutePath().normalize(), false);
    }

    /** The daemon's warm-up, before it serves: a build with {@code builder} only if nothing changed. */
    static BuildHost warmUp(SiteBuilder builder, Path serves) {
        return new BuildHost(false, name -> null, null, builder, BuildProgress.NONE, serves.toAbsolutePath().normalize(),
                true);
    }
}
