package io.wellbase.support;

import io.wellbase.messaging.CrisisClassifier;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The tests' stand-in for the classifier a module like care provides: it judges a text a crisis when it holds
 * {@link #SIGNAL}, and remembers every text it was asked about.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCrisisClassifier {

    public static final String SIGNAL = "[classifier: crisis]";

    public static final List<String> asked = new CopyOnWriteArrayList<>();

    /** Primary over care's own classifier, so that the messaging tests see what they asked. */
    @Bean
    @org.springframework.context.annotation.Primary
    CrisisClassifier testCrisisClassifier() {
        return (UUID organizationId, String text) -> {
            asked.add(text);
            return text.contains(SIGNAL);
        };
    }
}
