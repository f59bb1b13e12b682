package kb.related;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A window's invariants: checked when made from arrays, taken as they are when decoded. */
class TermWindowTest {

    @Test
    void madeFromArraysChecksTheOrderAndTheFrequencies() {
        assertThatThrownBy(() -> new TermWindow(new String[] {"sms", "inventory"}, new short[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not strictly ascending");
        assertThatThrownBy(() -> new TermWindow(new String[] {"inventory"}, new short[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("frequency 0");
    }

    @Test
    void decodedEqualsTheWindowItWasEncodedFromWithItsLength() {
        TermWindow made = TermWindow.of("SMS inventory resynchronization", "The inventory of SMS clients is kept.");
        TermWindow decoded = TermWindow.decoded(made.terms(), made.freqs());

        assertThat(decoded).isEqualTo(made).hasSameHashCodeAs(made);
        assertThat(decoded.length()).isEqualTo(made.length()).isGreaterThan(made.terms().length - 1);
    }

    @Test
    void decodedChecksTheOrderOnlyWithAssertionsOn() {
        // Surefire runs the tests with assertions on: a fault in the state's encoding shows there.
        org.junit.jupiter.api.Assumptions.assumeTrue(TermWindow.class.desiredAssertionStatus(), "assertions are off");
        assertThatThrownBy(() -> TermWindow.decoded(new String[] {"sms", "inventory"}, new short[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not strictly ascending");
    }

    @Test
    void decodedRefusesArraysOfDifferentLengths() {
        assertThatThrownBy(() -> TermWindow.decoded(new String[] {"sms"}, new short[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("1 terms but 2 frequencies");
    }
}
