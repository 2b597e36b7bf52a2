package io.wellbase.platform.internal.demo;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.demo.DemoDataContributor;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Runs every module's demo data contributor at start-up when demo data is on.
 */
@Component
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    private final List<DemoDataContributor> contributors;
    private final PlatformProperties properties;

    DemoDataRunner(List<DemoDataContributor> contributors, PlatformProperties properties) {
        this.contributors = contributors;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.demo().enabledFor(properties.db())) {
            return;
        }
        contributors.stream()
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .forEach(c -> {
                    log.debug("Demo data: {}", c.getClass().getSimpleName());
                    c.contribute();
                });
    }
}
