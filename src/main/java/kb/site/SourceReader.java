package kb.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import kb.diag.Diagnostics;
import kb.source.SourceDecoder;
import kb.source.SourceFile;

/** Reads source files and decodes them with {@link SourceDecoder} (UTF-8, bad bytes reported). */
final class SourceReader {

    private final SourceDecoder decoder = new SourceDecoder();

    /** A file's text and the fingerprint of its bytes. */
    record Text(String text, long digest) {
    }

    String read(SourceFile file, Diagnostics diagnostics) {
        return readWithDigest(file, diagnostics).text();
    }

    Text readWithDigest(SourceFile file, Diagnostics diagnostics) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.displayName(), e);
        }
        return new Text(decoder.decode(bytes, file.displayName(), diagnostics), kb.state.Fingerprint.of(bytes));
    }
}
