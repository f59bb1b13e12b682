package kb.liquid;

import java.util.regex.Pattern;
import liqp.TemplateContext;
import liqp.nodes.LNode;
import liqp.tags.Tag;

/**
 * Jekyll's {@code {% post_url 2024-01-15-slug %}} (the name may have a folder prefix): the base
 * URL and the post's URL. A name Jekyll cannot parse or a post that does not exist is an error.
 */
final class PostUrlTag extends Tag {

    private static final Pattern NAME = Pattern.compile("^(.+/)*(\\d+-\\d+-\\d+)-(.*)$");

    PostUrlTag() {
        super("post_url");
    }

    @Override
    public Object render(TemplateContext context, LNode... nodes) {
        String name = String.valueOf(nodes[0].render(context)).strip();
        if (!NAME.matcher(name).matches()) {
            throw new RenderFailure("post_url: '" + name + "' is not a post name (YYYY-MM-DD-slug, maybe after a folder)");
        }
        LiquidSite site = RenderState.of(context).engine.site();
        String url = site.postUrl(name)
                .orElseThrow(() -> new RenderFailure("post_url: no post '" + name + "'"));
        return Urls.relative(site.baseurl(), url);
    }
}
