package kb.source;

/**
 * How much of a byte range is UTF-8: the non-ASCII bytes that form well-formed UTF-8 sequences and
 * those that do not. An ill-formed sequence is counted the way decoders replace it (Unicode's
 * "maximal subpart" practice, as the WHATWG Encoding Standard and so browsers do): a lead byte
 * with the continuation bytes that fit it, up to the first byte that does not; overlong forms,
 * surrogates and code points past U+10FFFF are ill-formed.
 *
 * @param validBytes       non-ASCII bytes in well-formed sequences
 * @param invalidBytes     bytes in ill-formed sequences
 * @param invalidSequences ill-formed sequences (each would become one U+FFFD)
 * @param firstInvalid     offset of the first ill-formed sequence, -1 when there is none
 */
public record Utf8Scan(int validBytes, int invalidBytes, int invalidSequences, int firstInvalid) {

    /** Scans {@code bytes[from, to)}. */
    public static Utf8Scan of(byte[] bytes, int from, int to) {
        int valid = 0;
        int invalid = 0;
        int sequences = 0;
        int first = -1;
        int i = from;
        while (i < to) {
            if (bytes[i] >= 0) {
                i++;
                continue;
            }
            int end = sequenceEnd(bytes, i, to);
            if (end > 0) {
                valid += end - i;
                i = end;
            } else {
                int bad = -end;
                invalid += bad - i;
                sequences++;
                if (first < 0) {
                    first = i;
                }
                i = bad;
            }
        }
        return new Utf8Scan(valid, invalid, sequences, first);
    }

    /** Whether every byte is UTF-8 (pure ASCII included). */
    public boolean wellFormed() {
        return invalidBytes == 0;
    }

    /**
     * Whether the bytes are UTF-8 with a few ill-formed sequences rather than text in a legacy
     * code page: at least as many non-ASCII bytes form UTF-8 sequences as do not. Text in a code
     * page such as Windows-1252 rarely forms a UTF-8 sequence by accident (none of the 89 KB text
     * files with accented letters does), while a UTF-8 file with one stray byte has one invalid
     * byte and all its other non-ASCII bytes valid.
     */
    public boolean mostlyUtf8() {
        return invalidBytes == 0 || validBytes > 0 && validBytes >= invalidBytes;
    }

    /**
     * The end of the sequence that starts with the non-ASCII byte at {@code at}: positive (the
     * offset after it) when it is well-formed, negated when it is not (the offset after its
     * maximal subpart, so at least {@code at + 1}).
     */
    static int sequenceEnd(byte[] bytes, int at, int to) {
        int lead = bytes[at] & 0xFF;
        int need;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            need = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            need = 2;
            low = lead == 0xE0 ? 0xA0 : 0x80; // no overlong forms
            high = lead == 0xED ? 0x9F : 0xBF; // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            need = 3;
            low = lead == 0xF0 ? 0x90 : 0x80;
            high = lead == 0xF4 ? 0x8F : 0xBF; // nothing past U+10FFFF
        } else {
            return -(at + 1); // a continuation byte, C0, C1 or F5..FF: never valid here
        }
        int i = at + 1;
        for (int k = 0; k < need; k++, i++) {
            if (i >= to) {
                return -i;
            }
            int b = bytes[i] & 0xFF;
            if (b < low || b > high) {
                return -i;
            }
            low = 0x80;
            high = 0xBF;
        }
        return i;
    }
}
