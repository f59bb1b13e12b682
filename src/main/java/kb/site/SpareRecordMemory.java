package kb.site;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import kb.state.OutputRecord;
import kb.state.StateFile;

/**
 * The spare folder's record ({@link Publication#openSpare}) as a builder of this process last
 * wrote it, with what identifies the file written (its stamp): a builder that builds again takes
 * it from here while the file is the one it wrote, rather than read and decode 60,000 records at
 * each build. Thread-safe.
 */
final class SpareRecordMemory {

    private record Written(Path file, String stamp, Map<String, OutputRecord> outputs) {
    }

    private volatile Written last;

    /** Remembers that {@code file} now holds {@code outputs} (not to be changed from now on). */
    void wrote(StateFile file, Map<String, OutputRecord> outputs) {
        last = file.stamp().map(stamp -> new Written(file.path(), stamp, outputs)).orElse(null);
    }

    /** What {@code file} holds, when it is still the file this memory saw written; else empty. */
    Optional<Map<String, OutputRecord>> recall(StateFile file) {
        Written written = last;
        if (written == null || !written.file().equals(file.path()) || !file.stamp().equals(Optional.of(written.stamp()))) {
            forget();
            return Optional.empty();
        }
        return Optional.of(written.outputs());
    }

    /** Lets go of what was written (another build wrote the site since: its record is not this). */
    void forget() {
        last = null;
    }
}
