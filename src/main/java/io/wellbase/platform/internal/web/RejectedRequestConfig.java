package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.ProblemWriter;
import io.wellbase.platform.web.Problems;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Requests refused before Spring MVC sees them, by Tomcat or by Spring Security's firewall, still
 * answer a problem with the security headers rather than an HTML page.
 */
@Configuration(proxyBeanMethods = false)
class RejectedRequestConfig {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
            }
        });
    }

    @Bean
    RequestRejectedHandler problemRequestRejectedHandler(ProblemWriter problemWriter) {
        return (request, response, ex) -> {
            SecurityHeaders.apply(response);
            problemWriter.write(
                    response,
                    Problems.of(
                            HttpStatus.BAD_REQUEST,
                            "request.rejected",
                            "The request URL or its headers contain something this server does not accept"));
        };
    }
}
