package io.wellbase.platform.web;

import org.slf4j.MDC;

/**
 * The id of the request being served, taken from {@code X-Request-Id} or created, kept in the
 * logging context so that every log line carries it.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
