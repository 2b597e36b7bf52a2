package io.wellbase.platform.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTests {

    @Test
    void aBlockMakesVersionSevenIdsInTimeOrderWithoutRepeats() {
        Ids.Block block = Ids.block();
        Set<UUID> seen = new HashSet<>();
        long before = System.currentTimeMillis();
        for (int i = 0; i < 20_000; i++) { // several refills of the random block
            UUID id = block.next();
            assertThat(id.version()).isEqualTo(7);
            assertThat(id.variant()).isEqualTo(2);
            assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, System.currentTimeMillis());
            assertThat(seen.add(id)).as("repeated %s", id).isTrue();
        }
        long distinctRandA = seen.stream()
                .map(id -> id.getMostSignificantBits() & 0xFFF)
                .distinct()
                .count();
        assertThat(distinctRandA).as("rand_a is random, not constant").isGreaterThan(4000);
    }

    @Test
    void singleIdsAreVersionSeven() {
        UUID id = Ids.newId();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }
}
