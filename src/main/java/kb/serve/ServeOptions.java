package kb.serve;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code kb serve} serves and where.
 *
 * @param site  the built site folder ({@code site/})
 * @param index the search index folder ({@code index/})
 * @param host  the address to listen on ({@code 127.0.0.1})
 * @param port  the port; 0 picks a free one
 * @param liveReload whether the pages served reload themselves after each rebuild ({@code --watch})
 */
public record ServeOptions(Path site, Path index, String host, int port, boolean liveReload) {

    /** Options without live reload. */
    public ServeOptions(Path site, Path index, String host, int port) {
        this(site, index, host, port, false);
    }

    public ServeOptions {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
    }
}
