package kb.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kb.model.Article;

/**
 * The product names an article is browsed under. Most articles name their products in the
 * {@code Product(s):} header; the Programmer's Library ones say {@code See article} there and
 * carry a product code instead ({@code mspl13_c}): those are named by the code's listing page
 * title when the source tree has one ({@code /id/mspl13_c/}: "Microsoft Programmer's Library
 * 1.3: C"), else by the code itself.
 */
public final class ProductNames {

    private final Map<String, String> codeTitles;

    /** @param codeTitles the title of each product code's listing page, by code */
    public ProductNames(Map<String, String> codeTitles) {
        this.codeTitles = Map.copyOf(codeTitles);
    }

    /** The article's products: the header's names, a placeholder replaced by its codes' names. */
    public List<String> of(Article article) {
        List<String> names = new ArrayList<>();
        for (String p : article.products()) {
            String name = p.strip();
            if (isPlaceholder(name)) {
                article.productCodes().stream().map(this::codeName).forEach(names::add);
            } else if (!name.isEmpty()) {
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            article.productCodes().stream().map(this::codeName).forEach(names::add);
        }
        return names.stream().distinct().toList();
    }

    private String codeName(String code) {
        String title = codeTitles.get(code);
        return title == null || title.isBlank() ? code : title.strip();
    }

    private static boolean isPlaceholder(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.equals("see article") || n.equals("see article.") || n.equals("see the article");
    }
}
