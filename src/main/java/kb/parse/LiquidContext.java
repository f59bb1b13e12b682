package kb.parse;

import java.util.Map;
import java.util.Objects;
import kb.config.SiteConfig;

/**
 * What Liquid output tags can read: {@code site.*} (the configuration) and {@code page.*} (front
 * matter plus {@code url}), and the configuration for the URL filters.
 */
public record LiquidContext(Map<String, Object> site, Map<String, Object> page, SiteConfig config) {

    public LiquidContext {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(config, "config");
    }
}
