package kb.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverlayTest {

    private static final Map<String, Integer> BASE = Map.of("a", 1, "b", 2, "c", 3);

    @Test
    void itIsTheMapWithSomeValuesReplaced() {
        Map<String, Integer> overlay = Overlay.of(BASE, Map.of("b", 20));

        assertThat(overlay).isEqualTo(Map.of("a", 1, "b", 20, "c", 3)).hasSize(3);
        assertThat(overlay.get("b")).isEqualTo(20);
        assertThat(overlay.get("d")).isNull();
        assertThat(overlay.containsKey("c")).isTrue();
        assertThat(new HashMap<>(overlay)).isEqualTo(overlay);
        assertThat(Overlay.of(BASE, Map.of())).isSameAs(BASE);
    }

    @Test
    void anOverlayOfAnOverlayIsOneOverTheSameMap() {
        Map<String, Integer> twice = Overlay.of(Overlay.of(BASE, Map.of("b", 20, "c", 30)), Map.of("b", 200));

        assertThat(twice).isEqualTo(Map.of("a", 1, "b", 200, "c", 30));
    }

    @Test
    void itReplacesOnlyKeysTheMapHas() {
        assertThatThrownBy(() -> Overlay.of(BASE, Map.of("d", 4))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void manyReplacedValuesMakeACopy() {
        Map<Integer, Integer> base = new HashMap<>();
        Map<Integer, Integer> replaced = new HashMap<>();
        for (int i = 0; i < 5000; i++) {
            base.put(i, i);
            replaced.put(i, -i);
        }
        Map<Integer, Integer> copied = Overlay.of(Map.copyOf(base), replaced);

        assertThat(copied).isNotInstanceOf(Overlay.class).isEqualTo(replaced);
    }
}
