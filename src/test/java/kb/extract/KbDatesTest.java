package kb.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KbDatesTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({
            "13-MAY-2002, 2002-05-13",
            "6-FEB-1991, 1991-02-06",
            "06-feb-1991, 1991-02-06",
            "' 31-DEC-1999 ', 1999-12-31",
            "2001-03-04, 2001-03-04",
    })
    void readsKbAndIsoDates(String text, String iso) {
        assertThat(KbDates.parse(text)).contains(LocalDate.parse(iso));
    }

    @ParameterizedTest(name = "[{index}] ''{0}''")
    @ValueSource(strings = {"", "   ", "13-MAI-2002", "13 MAY 2002", "13-MAY-02", "MAY-13-2002", "32-JAN-2002",
            "yesterday"})
    void otherTextIsNoDate(String text) {
        assertThat(KbDates.parse(text)).isEmpty();
    }
}
