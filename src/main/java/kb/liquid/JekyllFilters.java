package kb.liquid;

import java.util.ArrayList;
import java.util.List;
import liqp.filters.Filter;

/** The filters kb adds to or replaces in Liqp's Jekyll flavour, one family per class. */
final class JekyllFilters {

    private JekyllFilters() {
    }

    static List<Filter> all(LiquidSite site) {
        List<Filter> all = new ArrayList<>();
        all.addAll(MathFilters.all());
        all.addAll(UrlFilters.all(site));
        all.addAll(DateFilters.all(site));
        all.addAll(TextFilters.all(site));
        all.addAll(ArrayFilters.all());
        all.addAll(ExpressionFilters.all());
        return all;
    }
}
