package kb.liquid;

import liqp.TemplateContext;
import liqp.nodes.LNode;

/**
 * Stand-ins for tags kb does not know (from plugins such as jekyll-seo-tag): a tag renders as
 * nothing, a block renders its content without its tags. The compiler reports each use.
 */
final class UnknownTags {

    private UnknownTags() {
    }

    /** An unknown tag: renders as nothing. */
    static final class Tag extends liqp.tags.Tag {

        Tag(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            return "";
        }
    }

    /** An unknown block: renders its content. */
    static final class Block extends liqp.blocks.Block {

        Block(String name) {
            super(name);
        }

        @Override
        public Object render(TemplateContext context, LNode... nodes) {
            return nodes[nodes.length - 1].render(context);
        }
    }
}
