package io.wellbase.platform.internal.web;

import io.wellbase.platform.PlatformProperties;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The handler parameters resolved from the request (the caller, its organization, the page). CORS is the
 * security chain's ({@code CorsSettings}).
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
}
