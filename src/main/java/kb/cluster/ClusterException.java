package kb.cluster;

/** A cluster that cannot be reached, or that refused what kb asked; the message says which and why. */
public final class ClusterException extends RuntimeException {

    ClusterException(String message, Throwable cause) {
        super(message, cause);
    }
}
