package io.wellbase.care.internal.advisor;

import io.wellbase.messaging.CrisisClassifier;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Care's crisis layer as messaging's second reader of support-session messages: what the advisor would route, a
 * chat session is raised to emergency for (beside messaging's own keyword list).
 */
@Component
class CareCrisisClassifier implements CrisisClassifier {

    private final CrisisScreen screen;

    CareCrisisClassifier(CrisisScreen screen) {
        this.screen = screen;
    }

    @Override
    public boolean signalsCrisis(UUID organizationId, String text) {
        return screen.screen(text).isPresent();
    }
}
