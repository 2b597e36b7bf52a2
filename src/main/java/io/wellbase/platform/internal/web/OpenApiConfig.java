package io.wellbase.platform.internal.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

/**
 * The OpenAPI document clients are generated from: its title, the bearer scheme, and the
 * customizers that make it say what the handlers do (operation ids, success statuses, problem
 * responses, schema names that do not collide). {@code OpenApiDocumentIntegrationTests} holds it to that.
 */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Wellbase API",
                        version = "v1",
                        description = "Backend for wellness businesses. Errors are RFC 9457 problem details.",
                        license = @License(name = "Apache-2.0")),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfig {

    static {
        // The container's error path answers problems for failures outside Spring MVC; it is no endpoint.
        SpringDocUtils.getConfig().addHiddenRestControllers(ProblemErrorController.class);
        // the caller and its organization come from the bearer token (CallerArgumentResolver,
        // CurrentOrganizationArgumentResolver), not from the request
        SpringDocUtils.getConfig()
                .addRequestWrapperToIgnore(
                        io.wellbase.platform.security.Caller.class,
                        io.wellbase.platform.security.CurrentOrganization.class);
        // PageParameters documents the page, page_size and sort query parameters a PageQuery is read from
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(io.wellbase.platform.web.PageQuery.class);
    }

    /**
     * Replaces swagger's default model resolver (springdoc swaps a registered one of the same class in)
     * with one that names schemas by {@link SchemaNames}.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver modelResolver() {
        return new ModelResolver(Json31.mapper(), new SchemaNames()).openapi31(true);
    }

    @Bean
    OperationCustomizer operationDetails() {
        return new OperationDetails();
    }

    @Bean
    OperationCustomizer pageParameters() {
        return new PageParameters();
    }

    @Bean
    OpenApiCustomizer documentDetails(@Lazy WebInvocationPrivilegeEvaluator privileges) {
        return new DocumentDetails(privileges);
    }
}
