package kb.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code kb import} should do.
 *
 * @param inputs text files and folders of text files
 * @param into   the content folder; pages go to {@code <into>/kb/NNN/QNNNNNN/README.md}
 * @param force  overwrite pages even when they were edited or not written by {@code kb import}
 */
public record ImportOptions(List<Path> inputs, Path into, boolean force) {

    public ImportOptions {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(into, "into");
    }
}
