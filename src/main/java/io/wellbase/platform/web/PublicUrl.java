package io.wellbase.platform.web;

import io.wellbase.platform.PlatformProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Where people reach this server and its front end: the base of every absolute link the server
 * writes. {@link #base()} is the API itself ({@code wellbase.platform.public-url}: download links,
 * calendar feeds), {@link #app()} the front end that mails and join links send people to
 * ({@code wellbase.platform.app-url}, the API's address when unset). Neither ever comes from a
 * request's {@code Host} header, which a caller controls; unset, the API's address is this machine's
 * loopback address with the port the server actually listens on.
 */
@Component
public class PublicUrl {

    private final @Nullable String configured;
    private final @Nullable String app;
    private volatile int port = 8080;

    PublicUrl(PlatformProperties properties) {
        this.configured = trimmed(properties.publicUrl());
        this.app = trimmed(properties.appUrl());
    }

    private static @Nullable String trimmed(@Nullable String url) {
        return url == null || url.isBlank() ? null : url.strip().replaceAll("/+$", "");
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() == null) {
            this.port = event.getWebServer().getPort();
        }
    }

    /** The base URL without a trailing slash, e.g. {@code https://studio.example.com}. */
    public String base() {
        return configured != null ? configured : "http://localhost:" + port;
    }

    /** The front end's base URL without a trailing slash: where links in mails lead. */
    public String app() {
        return app != null ? app : base();
    }
}
