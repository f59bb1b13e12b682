package kb.serve;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code kb serve} serves and where.
 *
 * @param site  the built site folder ({@code site/})
 * @param index the search index folder ({@code index/})
 * @param host  the address to listen on ({@code 127.0.0.1})
 * @param port  the port; 0 picks a free one
 * @param liveReload whether the pages served reload themselves after each rebuild ({@code --watch})
 * @param opensearch the nodes of a search cluster to search instead of the index
 *                   ({@code http://127.0.0.1:9200,...}), else empty
 * @param alias      the cluster alias searched ({@code kb})
 */
public record ServeOptions(Path site, Path index, String host, int port, boolean liveReload,
        Optional<String> opensearch, String alias) {

    /** Options without live reload. */
    public ServeOptions(Path site, Path index, String host, int port) {
        this(site, index, host, port, false);
    }

    /** Options that search the index folder. */
    public ServeOptions(Path site, Path index, String host, int port, boolean liveReload) {
        this(site, index, host, port, liveReload, Optional.empty(), "kb");
    }

    public ServeOptions {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(opensearch, "opensearch");
        Objects.requireNonNull(alias, "alias");
        if (liveReload && opensearch.isPresent()) {
            throw new IllegalArgumentException("--watch rebuilds the index folder; it cannot be combined with --opensearch");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, got " + port);
        }
    }
}
