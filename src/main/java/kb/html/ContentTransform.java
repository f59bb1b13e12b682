package kb.html;

import org.jsoup.nodes.Element;

/** One step of HTML post-processing, applied in place to a page's content. */
public interface ContentTransform {

    /**
     * Applies the step to the content's root element.
     *
     * @return whether the HTML was changed
     */
    boolean apply(Element content);
}
