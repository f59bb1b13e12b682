package kb.check;

import java.util.Objects;

/** What a link of a page leads to, as {@link LinkResolver} sees it. */
public sealed interface Target {

    /**
     * A place in this site.
     *
     * @param path     the URL path below the base URL, from {@code /}, percent-decoded, {@code .}
     *                 and {@code ..} resolved ({@code /kb/319/Q319864/})
     * @param fragment the decoded {@code #fragment}, or "" when there is none
     */
    record Internal(String path, String fragment) implements Target {
        public Internal {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(fragment, "fragment");
        }
    }

    /** A link out of the site ({@code https://} another host, {@code mailto:}, ...), never fetched. */
    record External(String url) implements Target {
        public External {
            Objects.requireNonNull(url, "url");
        }
    }

    /** A link that leads nowhere a check could test ({@code javascript:}, {@code data:}, {@code tel:}). */
    record Ignored() implements Target {
    }

    /**
     * An internal link that cannot lead anywhere in the site.
     *
     * @param why the reason, e.g. "does not start with the base URL /kb"
     */
    record Invalid(String why) implements Target {
        public Invalid {
            Objects.requireNonNull(why, "why");
        }
    }
}
