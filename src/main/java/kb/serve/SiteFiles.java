package kb.serve;

import java.util.List;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.URIUtil;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.resource.Resources;

/**
 * The site's files: content types, ETag and Last-Modified (304 on revalidation), ranges,
 * {@code index.html} for folders, no folder listings. Each file is looked up by path and read
 * when it is asked for ({@link SiteContents}): a rebuild rewrites files in place or swaps the
 * whole site folder ({@link SiteRoot}), and Jetty's default content cache (revalidated once a
 * second, larger files mapped into memory) would answer with a page's old text, or a torn one,
 * for up to a second after, and a browser revalidating it would be told it had not changed.
 * The operating system's page cache keeps reading fast.
 */
final class SiteFiles extends ResourceHandler {

    private static final String WELCOME = "index.html";

    private final SiteRoot root;

    SiteFiles(SiteRoot root) {
        this.root = root;
        setBaseResource(ResourceFactory.root().newResource(root.path()));
        setDirAllowed(false);
        setEtags(true);
        setWelcomeFiles(List.of(WELCOME));
        setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        setAcceptRanges(true);
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
        return new SiteContents(root, getBaseResource(), getMimeTypes(), pool);
    }

    /** A folder's {@code index.html}, looked up again if the site was swapped meanwhile (else a 403). */
    @Override
    protected ResourceService.WelcomeFactory setupWelcomeFactory() {
        return (content, request) -> root.find(() -> Resources.isReadableFile(content.getResource().resolve(WELCOME))
                ? URIUtil.addPaths(Request.getPathInContext(request), WELCOME) : null);
    }
}
