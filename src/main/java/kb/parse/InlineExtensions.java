package kb.parse;

import com.vladsch.flexmark.parser.InlineParserExtension;
import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.LightInlineParser;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A Flexmark inline parser extension factory with no ordering constraints: the characters that
 * start its syntax and how to make one extension per document. Kramdown's span attribute lists
 * and typography register through it.
 */
final class InlineExtensions implements InlineParserExtensionFactory {

    private final String characters;
    private final Supplier<InlineParserExtension> extension;

    InlineExtensions(String characters, Supplier<InlineParserExtension> extension) {
        this.characters = characters;
        this.extension = extension;
    }

    @Override
    public CharSequence getCharacters() {
        return characters;
    }

    @Override
    public InlineParserExtension apply(LightInlineParser inlineParser) {
        return extension.get();
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return null;
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return null;
    }

    @Override
    public boolean affectsGlobalScope() {
        return false;
    }
}
