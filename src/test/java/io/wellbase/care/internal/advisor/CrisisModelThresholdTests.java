package io.wellbase.care.internal.advisor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The n-gram model's threshold is chosen on the training messages alone (docs/care.md); ordinary questions stay below it. */
class CrisisModelThresholdTests {

    @Test
    void ordinaryQuestionsAreNotRouted() {
        CrisisScreen screen = new CrisisScreen();
        for (String q : new String[] {
            "I can't sleep at night, any tips?",
            "I have a rash on my cheeks",
            "My stressful mornings are rough.",
            "one more question",
            "what time is the sunday flow class?"
        }) {
            assertThat(screen.screen(q)).as(q).isEmpty();
        }
    }
}
