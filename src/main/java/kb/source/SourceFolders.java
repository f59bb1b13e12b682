package kb.source;

import java.util.Map;

/**
 * The folders a scan of the source tree read, with the time each was last changed (an entry
 * added, removed or renamed in it), for the next scan to start from: a folder whose time is as
 * the last scan found it holds the entries it held then, so the next scan reads the attributes
 * of those entries without listing the folder again (git's untracked cache works the same way).
 *
 * @param times     every folder read, by path below the source folder ("" for the folder
 *                  itself), with the time it was last changed, in nanoseconds
 * @param scannedAt when the scan began, in milliseconds since the epoch: a folder changed within
 *                  {@link SourceScanner#RACY_MILLIS} of it may have changed again unseen, within
 *                  the resolution of the file system's clock, and is listed again next time
 */
public record SourceFolders(Map<String, Long> times, long scannedAt) {

    /** No scan: the next one lists every folder. */
    public static final SourceFolders NONE = new SourceFolders(Map.of(), 0);

    public SourceFolders {
        times = kb.collect.Frozen.copyOf(times); // a rescan's times laid over the last ones are not copied
    }
}
