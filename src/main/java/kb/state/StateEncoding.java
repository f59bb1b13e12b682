package kb.state;

import java.util.IdentityHashMap;

/**
 * The bytes of a state as read, its terms' dictionary (of which the first {@code freshTerms}
 * were written by the last fresh write, the rest appended since), and where each of its records lies in
 * those bytes (offset and length, by the record's identity: a build keeps the very records it
 * was given for what it did not change).
 */
record StateEncoding(byte[] bytes, String[] dictionary, int freshTerms, IdentityHashMap<Object, Long> slices) {

    /** The bytes of {@code record} as read, as offset and length, or null when it is not one read. */
    Long slice(Object record) {
        return slices.get(record);
    }
}
