package io.wellbase.platform.internal.web;

import io.wellbase.platform.PlatformProperties;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The handler parameters resolved from the request (the caller, its organization, the page), and CORS
 * for browser front ends, from {@code wellbase.platform.http.cors-allowed-origins}.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {

    private final PlatformProperties properties;

    WebConfig(PlatformProperties properties) {
        this.properties = properties;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CallerArgumentResolver());
        resolvers.add(new CurrentOrganizationArgumentResolver());
        resolvers.add(new PageQueryArgumentResolver());
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        var origins = properties.http().corsAllowedOrigins();
        if (!origins.isEmpty()) {
            registry.addMapping("/api/**")
                    .allowedOrigins(origins.toArray(String[]::new))
                    .allowedMethods("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")
                    .allowedHeaders("*")
                    .exposedHeaders(
                            "Location",
                            "ETag",
                            "X-Request-Id",
                            "Retry-After",
                            "RateLimit-Limit",
                            "RateLimit-Remaining",
                            "RateLimit-Reset")
                    .maxAge(3600);
        }
    }
}
