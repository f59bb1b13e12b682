package kb.related;

/**
 * Numbers terms 0, 1, 2, ... in the order first seen: an open-addressing hash table of strings,
 * without the boxed values and entry objects a {@code HashMap<String, Integer>} would make for
 * every term of every window. Not thread-safe.
 */
final class TermIds {

    private String[] keys;
    private int[] values;
    private int mask;
    private int size;

    /** @param expected about how many distinct terms there will be */
    TermIds(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new String[capacity];
        values = new int[capacity];
        mask = capacity - 1;
    }

    /** The number of {@code term}, given it the next number if it is new. */
    int add(String term) {
        int slot = mix(term.hashCode()) & mask;
        while (true) {
            String key = keys[slot];
            if (key == null) {
                keys[slot] = term;
                values[slot] = size;
                if (++size * 2 > keys.length) {
                    grow();
                }
                return size - 1;
            }
            if (key == term || key.equals(term)) {
                return values[slot];
            }
            slot = (slot + 1) & mask;
        }
    }

    /** A copy, numbering as this one does, that can number more terms without changing this one. */
    TermIds copy() {
        TermIds copy = new TermIds(1);
        copy.keys = keys.clone();
        copy.values = values.clone();
        copy.mask = mask;
        copy.size = size;
        return copy;
    }

    /** The number of {@code term}, or -1 when it has none. */
    int get(String term) {
        int slot = mix(term.hashCode()) & mask;
        for (String key; (key = keys[slot]) != null; slot = (slot + 1) & mask) {
            if (key.equals(term)) {
                return values[slot];
            }
        }
        return -1;
    }

    /** How many distinct terms. */
    int size() {
        return size;
    }

    private void grow() {
        String[] oldKeys = keys;
        int[] oldValues = values;
        keys = new String[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = mix(oldKeys[i].hashCode()) & mask;
                while (keys[slot] != null) {
                    slot = (slot + 1) & mask;
                }
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    /** Spreads the low bits, which String.hashCode fills poorly for short words. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
