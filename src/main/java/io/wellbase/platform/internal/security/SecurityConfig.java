package io.wellbase.platform.internal.security;

import io.wellbase.platform.PlatformProperties;
import io.wellbase.platform.internal.idempotency.IdempotencyFilter;
import io.wellbase.platform.internal.ratelimit.RateLimitFilter;
import io.wellbase.platform.ratelimit.RateLimiter;
import io.wellbase.platform.security.ApiKeyAuthenticator;
import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The one filter chain: stateless bearer JWTs or API keys ({@code X-Api-Key}), problem details for 401 and 403,
 * security headers, and the rate limit applied once the caller is known.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    /** Endpoints under /api/v1/auth that a signed-in caller must use. */
    private static final String[] SIGNED_IN_AUTH_ENDPOINTS = {
        "/api/v1/auth/me",
        "/api/v1/auth/logout-all",
        "/api/v1/auth/switch-organization",
        "/api/v1/auth/email-verification",
        "/api/v1/auth/identities",
        "/api/v1/auth/identities/**"
    };

    private static final String[] PUBLIC_ENDPOINTS = {
        "/api/v1/auth/**",
        "/.well-known/**",
        "/actuator/health",
        "/actuator/health/**",
        "/actuator/info",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/docs",
        "/docs/**",
        "/swagger-ui/**",
        "/error",
        "/bench/bare",
        "/calendar/**",
        "/files/**",
        "/uploads/direct/**",
        "/api/v1/notifications/unsubscribe",
        "/api/v1/notifications/twilio/status",
        "/api/v1/billing/stripe/webhook",
        "/api/v1/integrations/mindbody/webhook",
        "/api/v1/version",
        "/api/v1/health",
        "/ws",
        "/ws/**",
        "/bench/ws-fanout"
    };

    /**
     * The Prometheus endpoint shows per-endpoint traffic, exception names and pool state: it answers only
     * to HTTP Basic credentials from {@code wellbase.platform.metrics.*}, and to nobody when no password
     * is configured. It may also be moved to a management port ({@code WELLBASE_MANAGEMENT_PORT}).
     */
    /**
     * No observation per security filter, authentication and authorization. The property
     * {@code management.observations.enable.spring.security=false} only made them no-ops; the decorator
     * still wrapped every filter of every request (JFR under the booking load: 7 % of the server's
     * samples). The HTTP request itself is still observed.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Order(1)
    SecurityFilterChain metricsSecurity(HttpSecurity http, PlatformProperties properties, ProblemWriter problemWriter)
            throws Exception {
        PlatformProperties.Metrics metrics = properties.metrics();
        AuthenticationEntryPoint basic = (request, response, ex) -> {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"metrics\"");
            problemWriter.write(
                    response,
                    Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "auth.unauthenticated",
                            "Metrics need the scrape credentials (wellbase.platform.metrics.*)"));
        };
        http.securityMatcher("/actuator/prometheus", "/actuator/prometheus/**")
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.authenticationEntryPoint(basic))
                .exceptionHandling(e -> e.authenticationEntryPoint(basic))
                .authorizeHttpRequests(a -> {
                    if (metrics.configured()) {
                        a.anyRequest().hasRole("METRICS");
                    } else {
                        a.anyRequest().denyAll();
                    }
                });
        if (metrics.configured()) {
            PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
            http.userDetailsService(new InMemoryUserDetailsManager(User.withUsername(metrics.username())
                    .password(encoder.encode(metrics.password()))
                    .roles("METRICS")
                    .build()));
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            JwtDecoder jwtDecoder,
            ProblemWriter problemWriter,
            RateLimiter rateLimiter,
            PlatformProperties properties,
            JdbcClient jdbc,
            ObjectProvider<ApiKeyAuthenticator> apiKeys)
            throws Exception {
        AuthenticationEntryPoint entryPoint = new BearerEntryPoint(problemWriter, rateLimiter, properties.rateLimits());
        AccessDeniedHandler deniedHandler = (request, response, ex) -> problemWriter.write(
                response, Problems.of(HttpStatus.FORBIDDEN, "auth.forbidden", "You may not do this"));

        http.csrf(AbstractHttpConfigurer::disable)
                .cors(Customizer.withDefaults())
                .httpBasic(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(h -> h.contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
                                        + "script-src 'self' 'unsafe-inline'; frame-ancestors 'none'"))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny()))
                .authorizeHttpRequests(a -> a.requestMatchers(SIGNED_IN_AUTH_ENDPOINTS)
                        .authenticated()
                        .requestMatchers(PUBLIC_ENDPOINTS)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(o -> o.bearerTokenResolver(new HeaderBearerTokenResolver())
                        .jwt(j -> j.decoder(jwtDecoder).jwtAuthenticationConverter(new CallerJwtConverter()))
                        .authenticationEntryPoint(entryPoint)
                        .accessDeniedHandler(deniedHandler))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint).accessDeniedHandler(deniedHandler))
                .addFilterAfter(
                        new RateLimitFilter(rateLimiter, properties.rateLimits(), problemWriter),
                        BearerTokenAuthenticationFilter.class)
                .addFilterAfter(
                        new IdempotencyFilter(
                                jdbc, problemWriter, properties.http().maxJsonBodyBytes()),
                        RateLimitFilter.class);
        ApiKeyAuthenticator authenticator = apiKeys.getIfAvailable();
        if (authenticator != null) {
            http.addFilterBefore(
                    new ApiKeyFilter(authenticator, problemWriter, rateLimiter, properties.rateLimits()),
                    BearerTokenAuthenticationFilter.class);
        }
        return http.build();
    }
}
