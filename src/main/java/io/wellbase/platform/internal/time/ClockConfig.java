package io.wellbase.platform.internal.time;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's clock, so that code which reasons about dates (horizons, feed windows) can be
 * tested at a fixed moment. The system clock in the JVM's default zone, as {@code now()} uses.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfig {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
