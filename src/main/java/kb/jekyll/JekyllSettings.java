package kb.jekyll;

import java.time.ZoneId;
import kb.config.SiteConfig;
import kb.diag.Diagnostics;

/**
 * What {@code _config.yml} says about Jekyll's site model: front-matter defaults, collections,
 * how documents get their URLs, and the time zone dates are shown in.
 *
 * @param defaults    the front-matter defaults
 * @param collections the collections, posts included
 * @param urls        documents' URLs
 * @param zone        {@code timezone:}, else the system's
 */
public record JekyllSettings(FrontMatterDefaults defaults, Collections collections, DocumentUrls urls, ZoneId zone) {

    /**
     * Reads the settings from the configuration; what is malformed is reported at its key's line
     * in {@code configFile}.
     */
    public static JekyllSettings from(SiteConfig config, String configFile, Diagnostics diagnostics) {
        ZoneId zone = JekyllDates.zone(config.values().get("timezone"));
        return new JekyllSettings(FrontMatterDefaults.from(config.values(), config.at("defaults", configFile), diagnostics),
                Collections.from(config.values(), config.at("collections", configFile), diagnostics),
                new DocumentUrls(config.permalink(), zone),
                zone);
    }
}
