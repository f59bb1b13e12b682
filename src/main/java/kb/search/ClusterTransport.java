package kb.search;

import com.fasterxml.jackson.databind.JsonNode;

/** How {@link ClusterSearch} reaches its cluster (kb's client, {@code kb.cluster.ClusterClient}, in {@code kb serve}). */
@FunctionalInterface
public interface ClusterTransport {

    /**
     * POSTs a JSON body to a path of the cluster ({@code /kb/_search?...}).
     *
     * @return the answer's JSON, for a 2xx status
     * @throws RuntimeException saying what the cluster answered otherwise, or that no node did
     */
    JsonNode post(String path, JsonNode body);
}
