package kb.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} command-line options of the benchmark mains. */
final class Args {

    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[++i]);
        }
    }

    Optional<String> optional(String name) {
        return Optional.ofNullable(values.get(name)).filter(v -> !v.isEmpty());
    }

    String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalArgumentException("missing --" + name));
    }

    Path path(String name) {
        return Path.of(required(name));
    }

    int integer(String name, int fallback) {
        return optional(name).map(Integer::parseInt).orElse(fallback);
    }

    /** A count, or {@code all} for no limit ({@link Integer#MAX_VALUE}). */
    int countOrAll(String name, int fallback) {
        return optional(name).map(v -> v.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(v)).orElse(fallback);
    }

    long number(String name, long fallback) {
        return optional(name).map(Long::parseLong).orElse(fallback);
    }
}
