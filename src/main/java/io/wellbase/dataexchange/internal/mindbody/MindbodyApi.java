package io.wellbase.dataexchange.internal.mindbody;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Mindbody's Public API v6 as the sync reads it: the site's API key, site id and a staff user token on every
 * request; pages of {@code request.limit} / {@code request.offset} until {@code PaginationResponse.TotalResults};
 * a 429 (its Retry-After) or a 5xx tried again with a growing pause, at most {@code maxRetries} times.
 */
@Component
class MindbodyApi {

    private final HttpClient http;
    private final ObjectMapper json;
    private final MindbodyProperties properties;

    MindbodyApi(ObjectMapper json, MindbodyProperties properties) {
        this.json = json;
        this.properties = properties;
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** The credentials of one site. */
    record Site(String siteId, String apiKey, String staffToken) {}

    /** Mindbody refused or could not be reached; {@code status} 0 when nothing answered. */
    static final class Failure extends RuntimeException {
        final int status;

        Failure(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    /** Counts the requests of one sync, for its report. */
    static final class Meter {
        int requests;
    }

    /** One GET; answers the body. */
    JsonNode get(Site site, String path, Map<String, List<String>> query, Meter meter) {
        URI uri = URI.create(properties.apiBase().replaceAll("/+$", "") + path + queryString(query));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(properties.requestTimeout())
                .header("Api-Key", site.apiKey())
                .header("SiteId", site.siteId())
                .header("Authorization", site.staffToken())
                .header("Accept", "application/json")
                .GET()
                .build();
        for (int attempt = 0; ; attempt++) {
            HttpResponse<String> response;
            meter.requests++;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (attempt >= properties.maxRetries()) {
                    throw new Failure(0, "Mindbody could not be reached: " + e.getMessage());
                }
                pause(null, attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Failure(0, "interrupted");
            }
            int status = response.statusCode();
            if (status == 200) {
                return json.readTree(response.body());
            }
            if ((status == 429 || status >= 500) && attempt < properties.maxRetries()) {
                pause(response.headers().firstValue("Retry-After").orElse(null), attempt);
                continue;
            }
            throw new Failure(status, "Mindbody answered " + status + " to " + path + ": " + message(response.body()));
        }
    }

    /** Every item of a paged list (the array under {@code field}), page by page. */
    void pages(
            Site site,
            String path,
            Map<String, List<String>> query,
            String field,
            Meter meter,
            Consumer<JsonNode> each) {
        int offset = 0;
        while (true) {
            Map<String, List<String>> paged = new java.util.LinkedHashMap<>(query);
            paged.put("request.limit", List.of(Integer.toString(properties.pageSize())));
            paged.put("request.offset", List.of(Integer.toString(offset)));
            JsonNode page = get(site, path, paged, meter);
            JsonNode items = page.path(field);
            items.forEach(each);
            int total = page.path("PaginationResponse").path("TotalResults").asInt(items.size());
            offset += items.size();
            if (items.isEmpty() || offset >= total) {
                return;
            }
        }
    }

    private void pause(String retryAfter, int attempt) {
        long millis;
        try {
            millis = retryAfter == null ? 0 : Long.parseLong(retryAfter.strip()) * 1000;
        } catch (NumberFormatException e) {
            millis = 0;
        }
        if (millis <= 0) {
            millis = Math.min(30_000, 500L << attempt);
        }
        try {
            Thread.sleep(Math.min(millis, 60_000));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure(0, "interrupted");
        }
    }

    private String message(String body) {
        try {
            JsonNode error = json.readTree(body).path("Error");
            return error.path("Message").asString(error.path("Code").asString("no message"));
        } catch (RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    private static String queryString(Map<String, List<String>> query) {
        List<String> parts = new ArrayList<>();
        query.forEach((name, values) ->
                values.forEach(v -> parts.add(name + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8))));
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
}
