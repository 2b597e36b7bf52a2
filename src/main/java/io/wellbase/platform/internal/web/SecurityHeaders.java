package io.wellbase.platform.internal.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The headers Spring Security adds to every answer, for the answers written before or outside its
 * filter chain (Tomcat's own rejections, the firewall).
 */
final class SecurityHeaders {

    private SecurityHeaders() {}

    static void apply(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
    }
}
