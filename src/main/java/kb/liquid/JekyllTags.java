package kb.liquid;

import java.util.List;
import liqp.blocks.Block;
import liqp.tags.Tag;

/** The tags and blocks kb adds to or replaces in Liqp's Jekyll flavour. */
final class JekyllTags {

    private JekyllTags() {
    }

    static List<Tag> all() {
        return List.of(new AssignTag(), new LinkTag(), new PostUrlTag(), new EchoTag(), new IncludeCachedTag(),
                new CounterTag("increment", 1), new CounterTag("decrement", -1),
                new LiquidTag(), new EmptyTag("_"), new RenderTag());
    }

    static List<Block> blocks() {
        return List.of(new HighlightBlock(), new ForBlock(), new CaptureBlock());
    }
}
