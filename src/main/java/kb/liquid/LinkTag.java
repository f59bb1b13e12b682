package kb.liquid;

import java.util.Optional;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Jekyll's {@code {% link path %}}: the base URL and the URL of the page, document or static file
 * at that source-relative path ({@code {{ }}} in the path is rendered first). A missing target is
 * an error, as it fails Jekyll's build.
 */
final class LinkTag extends Tag {

    LinkTag() {
        super("link");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        Object rendered = nodes[1].render(context);
        String path = String.valueOf(rendered != null ? rendered : nodes[0].render(context)).strip();
        LiquidSite site = RenderState.of(context).engine.site();
        String target = site.linkTarget(path)
                .or(() -> path.startsWith("/") ? Optional.empty() : site.linkTarget("/" + path))
                .orElseThrow(() -> new RenderFailure("link target '" + path + "' not found (no page, document or"
                        + " static file has that source path)"));
        return Urls.relative(site.baseurl(), target);
    }
}
