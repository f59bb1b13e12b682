package kb.site;

import kb.render.LayoutRenderer;

/**
 * The theme's layouts, parsed and checked, as the last build of a builder that builds again read
 * them, with the fingerprints of what they were read from ({@link Setup#readKey()},
 * {@link Setup#themeKey()}): the next build with the same configuration and theme takes them
 * rather than parse every template again (and finds them compiled). Thread-safe.
 */
final class LayoutMemory {

    private record Kept(long readKey, long themeKey, LayoutRenderer layouts) {
    }

    private volatile Kept kept;

    /** The layouts read with these fingerprints, or null when they are not the ones kept. */
    LayoutRenderer get(long readKey, long themeKey) {
        Kept k = kept;
        return k != null && k.readKey() == readKey && k.themeKey() == themeKey ? k.layouts() : null;
    }

    /** Keeps {@code layouts}, read and checked with these fingerprints, in place of any others. */
    void keep(long readKey, long themeKey, LayoutRenderer layouts) {
        kept = new Kept(readKey, themeKey, layouts);
    }
}
