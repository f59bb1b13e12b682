package kb.serve;

import java.nio.file.Path;
import java.util.List;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContentFactory;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.server.ResourceService;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.resource.ResourceFactory;

/**
 * The site's files: content types, ETag and Last-Modified (304 on revalidation), ranges,
 * {@code index.html} for folders, no folder listings. Each file is read from disk when it is
 * asked for: a rebuild rewrites files in place, and Jetty's default content cache (revalidated
 * once a second, larger files mapped into memory) would answer with a page's old text, or a torn
 * one, for up to a second after, and a browser revalidating it would be told it had not changed.
 * The operating system's page cache keeps reading fast.
 */
final class SiteFiles extends ResourceHandler {

    SiteFiles(Path site) {
        setBaseResource(ResourceFactory.root().newResource(site));
        setDirAllowed(false);
        setEtags(true);
        setWelcomeFiles(List.of("index.html"));
        setWelcomeMode(ResourceService.WelcomeMode.SERVE);
        setAcceptRanges(true);
    }

    @Override
    protected HttpContent.Factory newHttpContentFactory(ByteBufferPool.Sized pool) {
        return new ResourceHttpContentFactory(getBaseResource(), getMimeTypes(), pool);
    }
}
