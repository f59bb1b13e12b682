package kb.liquid;

import java.util.List;
import liqp.TemplateContext;
import liqp.filters.Filter;

/** Jekyll's {@code relative_url} and {@code absolute_url}: nil stays nil. */
final class UrlFilters {

    private UrlFilters() {
    }

    static List<Filter> all(LiquidSite site) {
        return List.of(new Filter("relative_url") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return value == null ? null : Urls.relative(site.baseurl(), Values.string(value));
            }
        }, new Filter("absolute_url") {
            @Override
            public Object apply(Object value, TemplateContext context, Object... params) {
                return value == null ? null : Urls.absolute(site.url(), site.baseurl(), Values.string(value));
            }
        });
    }
}
