package kb.related;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class JoinedReaderTest {

    @Test
    void readsAsTheJoinedText_whateverTheBufferSize() throws IOException {
        String[] parts = {"Title", "", "Title", "body text\nwith lines"};
        String joined = String.join("\n", parts);
        for (int size = 1; size <= joined.length() + 2; size++) {
            assertThat(readAll(new JoinedReader(parts), size)).as("buffer of %d", size).isEqualTo(joined);
        }
    }

    @Test
    void noPartsOrEmptyParts() throws IOException {
        assertThat(readAll(new JoinedReader(), 8)).isEmpty();
        assertThat(readAll(new JoinedReader(""), 8)).isEmpty();
        assertThat(readAll(new JoinedReader("", ""), 8)).isEqualTo("\n");
    }

    private static String readAll(JoinedReader reader, int size) throws IOException {
        StringBuilder sb = new StringBuilder();
        char[] buffer = new char[size];
        for (int n; (n = reader.read(buffer, 0, size)) != -1; ) {
            assertThat(n).isPositive();
            sb.append(buffer, 0, n);
        }
        return sb.toString();
    }
}
