package kb.outputs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kb.catalog.Catalog;
import kb.catalog.CatalogEntry;
import kb.config.SiteConfig;
import kb.state.Fingerprint;

/**
 * The short links of articles ({@code /kb/319864}, {@code /kb/Q319864}, {@code /Q319864},
 * {@code /KB319864}) as files that web servers read, so that no file per alias is needed:
 * {@value #REDIRECTS} (Netlify / Cloudflare Pages syntax, one line per form) and
 * {@value #NGINX} (two nginx {@code map} blocks: any-case short path → article number → page).
 * {@code kb serve} and the generated 404 page resolve the same links without these files.
 */
public final class ShortLinkFiles {

    /** The {@code _redirects} file, below the site folder. */
    public static final String REDIRECTS = "_redirects";
    /** The nginx snippet, below the site folder. */
    public static final String NGINX = "kb-redirects.nginx.conf";

    private static final Pattern NUMBERED = Pattern.compile("[A-Za-z]+([1-9][0-9]{0,17})");

    private final Catalog catalog;
    private final SiteConfig config;

    public ShortLinkFiles(Catalog catalog, SiteConfig config) {
        this.catalog = catalog;
        this.config = config;
    }

    /** Both files, each with {@link #inputs()}. */
    public List<GeneratedFile> files() {
        long inputs = inputs();
        return List.of(new GeneratedFile(REDIRECTS, redirects(), inputs, List.of()),
                new GeneratedFile(NGINX, nginx(), inputs, List.of()));
    }

    /**
     * A fingerprint of what both files follow from (beside the configuration): each article's
     * ID and URL. An incremental build keeps them while it is unchanged.
     */
    public long inputs() {
        Fingerprint f = new Fingerprint().add(catalog.entries().size());
        catalog.entries().forEach(e -> f.add(e.id()).add(e.url()));
        return f.value();
    }

    /** The short paths of an article, below the base URL: {@code /kb/319864}, {@code /kb/Q319864}, ... */
    public static List<String> forms(String id) {
        List<String> forms = new ArrayList<>();
        Matcher m = NUMBERED.matcher(id);
        if (m.matches()) {
            forms.add("/kb/" + m.group(1));
        }
        forms.add("/kb/" + id);
        forms.add("/" + id);
        if (m.matches()) {
            forms.add("/KB" + m.group(1));
        }
        return forms;
    }

    String redirects() {
        StringBuilder sb = new StringBuilder(catalog.entries().size() * 4 * 48 + 200);
        sb.append("# kb short links: every article's short paths, moved permanently to its page.\n");
        for (CatalogEntry e : catalog.entries()) {
            String to = config.relativeUrl(e.url());
            for (String form : forms(e.id())) {
                String from = config.relativeUrl(form);
                if (!from.equals(to)) {
                    sb.append(from).append(' ').append(to).append(" 301\n");
                }
            }
        }
        return sb.toString();
    }

    String nginx() {
        String base = config.baseurl();
        StringBuilder sb = new StringBuilder(catalog.entries().size() * 40 + 1200);
        sb.append("""
                # kb short links for nginx. Include this file in the http {} block, then in the server {}
                # block of the site:
                #     if ($kb_article) { return 301 $kb_article; }
                # /kb/319864, /kb/Q319864, /Q319864 and /KB319864 (any case, with or without a final
                # slash) move to the article's page.
                map $uri $kb_article_number {
                    default "";
                """);
        sb.append("    \"~*^").append(regexQuote(base)).append("/(?:kb/(?:q|kb)?|q|kb)0*([1-9][0-9]*)/?$\" $1;\n");
        sb.append("}\n\nmap $kb_article_number $kb_article {\n    default \"\";\n");
        for (CatalogEntry e : catalog.entries()) {
            Matcher m = NUMBERED.matcher(e.id());
            if (m.matches() && e.id().regionMatches(true, 0, "Q", 0, 1) && e.id().length() - m.group(1).length() == 1) {
                sb.append("    ").append(m.group(1)).append(' ').append(config.relativeUrl(e.url())).append(";\n");
            }
        }
        return sb.append("}\n").toString();
    }

    private static String regexQuote(String s) {
        return s.replaceAll("([\\\\.^$|?*+()\\[\\]{}])", "\\\\$1");
    }
}
