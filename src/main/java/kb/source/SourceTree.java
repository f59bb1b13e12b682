package kb.source;

import java.util.List;

/**
 * What a scan of the source tree found.
 *
 * @param files   the files, sorted by relative path
 * @param folders the folders read, for the next scan to start from
 */
public record SourceTree(List<SourceFile> files, SourceFolders folders) {

    public SourceTree {
        files = List.copyOf(files);
    }
}
