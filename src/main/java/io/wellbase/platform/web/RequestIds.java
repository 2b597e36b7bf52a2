package io.wellbase.platform.web;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * The id of the request being served, taken from {@code X-Request-Id} or created, kept in the
 * logging context so that every log line carries it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {}

    /** The current request's id; null outside a request (a background job, start-up). */
    public static @Nullable String current() {
        return MDC.get(MDC_KEY);
    }
}
