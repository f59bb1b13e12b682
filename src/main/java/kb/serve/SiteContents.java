package kb.serve;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32C;
import org.eclipse.jetty.http.CompressedContentFormat;
import org.eclipse.jetty.http.DateGenerator;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.http.content.HttpContent;
import org.eclipse.jetty.http.content.ResourceHttpContent;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.Resources;

/**
 * The site's files as Jetty serves them, each looked up by path at each request (no cache: the
 * operating system's page cache keeps that fast). A file up to {@link #MAX_READ} is read whole
 * before anything is sent, and its length, date and ETag are those of the very bytes sent: a
 * build that rewrites the file or swaps the site folder meanwhile can make the answer the old
 * page or the new one, never a mix of the two (Jetty's own content takes the length from the
 * path and opens the path again to send it, so a swap in between sends one file's bytes under the
 * other's length). The ETag is a checksum of the content, so a rebuild that rewrites a page with
 * the same bytes keeps the browsers' copies valid. Larger files are streamed from disk by Jetty.
 * Folders are Jetty's (for its welcome-file and redirect logic).
 */
final class SiteContents implements HttpContent.Factory {

    /** Files up to this size are read whole per request; larger ones are streamed. */
    static final int MAX_READ = 2 * 1024 * 1024;
    /** Reads of a file being rewritten, before its last read is taken as it is. */
    private static final int READS = 3;

    private final SiteRoot root;
    private final Resource base;
    private final MimeTypes mimeTypes;
    private final ByteBufferPool.Sized pool;

    SiteContents(SiteRoot root, Resource base, MimeTypes mimeTypes, ByteBufferPool.Sized pool) {
        this.root = root;
        this.base = base;
        this.mimeTypes = mimeTypes;
        this.pool = pool;
    }

    @Override
    public HttpContent getContent(String pathInContext) throws IOException {
        try {
            // Aliases first count as not found, so that one resolved during a swap is looked up
            // again; only a path that is still an alias, or nothing, after that is given to Jetty
            // as it is (its alias checks decide about a real link).
            HttpContent content = root.find(() -> load(pathInContext, false));
            return content != null ? content : root.find(() -> load(pathInContext, true));
        } catch (RuntimeException e) {
            // As Jetty's own factory: the message names the request's path, never the folder's.
            InvalidPathException safe = new InvalidPathException(pathInContext, "Invalid PathInContext");
            safe.initCause(e);
            throw safe;
        }
    }

    private HttpContent load(String pathInContext, boolean alias) {
        Resource resource = base.resolve(pathInContext);
        if (Resources.missing(resource)) {
            return null;
        }
        java.util.Optional<SiteRoot.Preview> preview = pathInContext.startsWith("/")
                ? root.previewed(pathInContext.substring(1)) : java.util.Optional.empty();
        if (preview.isPresent() && !resource.isDirectory()) {
            return new Snapshot(resource, mimeTypes.getMimeByExtension(pathInContext),
                    new Read(preview.get().bytes(), preview.get().made()));
        }
        // Jetty refuses an alias (a path whose real path differs: a link, or a folder's URI
        // without its slash) after this lookup, as a 404 or, for an article's folder, a short
        // link's 301. A resource resolved during a swap, while its folder was missing for a
        // moment, looks like one: decided here, within the lookup.
        if (!alias && resource.isAlias()) {
            return null;
        }
        String type = mimeTypes.getMimeByExtension(pathInContext);
        Path file = resource.getPath();
        if (file == null) {
            return new ResourceHttpContent(resource, type, pool);
        }
        if (resource.isDirectory()) {
            return new ResourceHttpContent(new Folder(resource), type, pool);
        }
        try {
            Read read = read(file);
            if (read == null) {
                return null;
            }
            return read.bytes() == null ? new ResourceHttpContent(resource, type, pool) : new Snapshot(resource, type, read);
        } catch (NoSuchFileException e) {
            return null; // gone since it was resolved: looked up again if the folder was swapped
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A file's bytes and date as one read found them; {@code bytes} is null for a file too large to hold. */
    private record Read(byte[] bytes, Instant lastModified) {
    }

    /**
     * Reads a file whole, and its date: taken again after a read during which the file changed
     * (another file at the path, another date or length), a few times at most.
     */
    private static Read read(Path file) throws IOException {
        Read read = null;
        for (int i = 0; i < READS; i++) {
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            if (!before.isRegularFile()) {
                return null;
            }
            if (before.size() > MAX_READ) {
                return new Read(null, before.lastModifiedTime().toInstant());
            }
            byte[] bytes = Files.readAllBytes(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            read = new Read(bytes, after.lastModifiedTime().toInstant());
            if (Objects.equals(before.fileKey(), after.fileKey()) && before.lastModifiedTime().equals(after.lastModifiedTime())
                    && after.size() == bytes.length) {
                return read;
            }
        }
        return read;
    }

    /**
     * A folder as it was found. Jetty asks again whether it is a folder as it goes (to redirect
     * {@code /a} to {@code /a/}, to serve its {@code index.html}); asking the path would answer
     * "no" while a swap has no folder there, and Jetty would then serve the folder as a file.
     */
    private static final class Folder extends Resource {

        private final Resource found;

        Folder(Resource found) {
            this.found = found;
        }

        @Override
        public Path getPath() {
            return found.getPath();
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public boolean isDirectory() {
            return true;
        }

        @Override
        public boolean isReadable() {
            return true;
        }

        @Override
        public URI getURI() {
            return found.getURI();
        }

        @Override
        public String getName() {
            return found.getName();
        }

        @Override
        public String getFileName() {
            return found.getFileName();
        }

        @Override
        public Resource resolve(String subUriPath) {
            return found.resolve(subUriPath);
        }

        @Override
        public boolean isAlias() {
            return found.isAlias();
        }

        @Override
        public URI getRealURI() {
            return found.getRealURI();
        }

        @Override
        public Instant lastModified() {
            return found.lastModified();
        }
    }

    /** A file's content as read for one request. */
    private static final class Snapshot implements HttpContent {

        private final Resource resource;
        private final String type;
        private final byte[] bytes;
        private final Instant lastModified;
        private final HttpField etag;

        Snapshot(Resource resource, String type, Read read) {
            this.resource = resource;
            this.type = type;
            this.bytes = read.bytes();
            this.lastModified = read.lastModified();
            CRC32C crc = new CRC32C();
            crc.update(bytes);
            this.etag = new PreEncodedHttpField(HttpHeader.ETAG, "\"" + HexFormat.of().toHexDigits((int) crc.getValue())
                    + Integer.toHexString(bytes.length) + "\"");
        }

        @Override
        public HttpField getContentType() {
            return type == null ? null : new HttpField(HttpHeader.CONTENT_TYPE, type);
        }

        @Override
        public HttpField getContentEncoding() {
            return null;
        }

        @Override
        public HttpField getContentLength() {
            return new HttpField.LongValueHttpField(HttpHeader.CONTENT_LENGTH, bytes.length);
        }

        @Override
        public HttpField getLastModified() {
            return new HttpField(HttpHeader.LAST_MODIFIED, DateGenerator.formatDate(lastModified));
        }

        @Override
        public HttpField getETag() {
            return etag;
        }

        @Override
        public String getCharacterEncoding() {
            return type == null ? null : MimeTypes.getCharsetFromContentType(type);
        }

        @Override
        public MimeTypes.Type getMimeType() {
            return type == null ? null : MimeTypes.CACHE.get(MimeTypes.getContentTypeWithoutCharset(type));
        }

        @Override
        public Instant getLastModifiedInstant() {
            return lastModified;
        }

        @Override
        public long getContentLengthValue() {
            return bytes.length;
        }

        @Override
        public Resource getResource() {
            return resource;
        }

        @Override
        public void writeTo(Content.Sink sink, long offset, long length, Callback callback) {
            int from = (int) Math.min(offset, bytes.length);
            int count = length < 0 ? bytes.length - from : (int) Math.min(length, bytes.length - from);
            sink.write(true, ByteBuffer.wrap(bytes, from, count), callback);
        }

        @Override
        public Set<CompressedContentFormat> getPreCompressedContentFormats() {
            return null;
        }
    }
}
