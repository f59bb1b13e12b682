package kb.check;

import java.util.List;
import java.util.Set;

/**
 * What {@link HtmlScanner} found in one page.
 *
 * @param links every URL of an {@code href}, {@code src}, {@code srcset}, {@code poster} or form
 *              {@code action} attribute, in page order
 * @param ids   every {@code id} of an element and {@code name} of an {@code <a>}: the fragments
 *              that lead somewhere on the page
 */
public record ScannedPage(List<FoundLink> links, Set<String> ids) {

    public ScannedPage {
        links = List.copyOf(links);
        ids = Set.copyOf(ids);
    }
}
