package kb.site;

/**
 * Thrown by a build that {@link SiteBuilder#interrupt()} stopped before it changed anything in
 * place: the site, the index and the build state are as the last build left them, and the spare
 * folder's record says what the stopped build wrote there, for the next build to start from.
 * {@code kb serve --watch} interrupts a rebuild when an article is saved during it, shows the
 * edit at once ({@link SiteBuilder#preview}) and rebuilds again.
 */
public final class BuildInterrupted extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BuildInterrupted() {
        super("the build was interrupted by a newer change");
    }
}
