package kb.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrozenTest {

    @Test
    void aFrozenMapIsAReadOnlyViewThatCopyOfKeeps() {
        Map<String, Integer> made = new HashMap<>(Map.of("a", 1, "b", 2));
        Map<String, Integer> frozen = Frozen.of(made);

        assertThat(frozen).isEqualTo(Map.of("a", 1, "b", 2)).hasSize(2);
        assertThat(frozen.get("a")).isEqualTo(1);
        assertThat(frozen.containsKey("c")).isFalse();
        assertThatThrownBy(() -> frozen.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> frozen.entrySet().iterator().next().setValue(9))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(Frozen.copyOf(frozen)).isSameAs(frozen);
        assertThat(Frozen.of(frozen)).isSameAs(frozen);
    }

    @Test
    void anyOtherMapIsCopied_andAnOverlayKept() {
        Map<String, Integer> made = new HashMap<>(Map.of("a", 1));
        Map<String, Integer> copy = Frozen.copyOf(made);
        made.put("b", 2);

        assertThat(copy).isEqualTo(Map.of("a", 1));
        Map<String, Integer> overlay = Overlay.of(Map.of("a", 1), Map.of("a", 10));
        assertThat(Frozen.copyOf(overlay)).isSameAs(overlay);
    }
}
