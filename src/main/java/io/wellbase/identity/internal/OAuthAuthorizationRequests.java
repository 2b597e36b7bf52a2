package io.wellbase.identity.internal;

import io.wellbase.identity.IdentityProperties;
import io.wellbase.platform.data.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.web.AuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.stereotype.Component;

/**
 * The authorization requests in flight, in the database rather than a session (the API is stateless and a sign-in
 * may return to another node): found by the hash of their {@code state}, used once, gone after
 * {@code wellbase.identity.oauth.request-ttl}. Each keeps the front-end address the sign-in returns to and, for a
 * link, the signed-in user who asked for it; the callback finds both in request attributes.
 */
@Component
class OAuthAuthorizationRequests implements AuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String REDIRECT_ATTRIBUTE = OAuthAuthorizationRequests.class.getName() + ".redirect";
    static final String LINK_USER_ATTRIBUTE = OAuthAuthorizationRequests.class.getName() + ".linkUser";

    /** What a stored request may contain: Spring Security's request and the JDK's collections, nothing else. */
    private static final java.io.ObjectInputFilter ONLY_AUTHORIZATION_REQUESTS =
            java.io.ObjectInputFilter.Config.createFilter(
                    "maxdepth=10;org.springframework.security.oauth2.core.endpoint.*;org.springframework.security.oauth2.core.*;"
                            + "java.util.*;java.lang.*;!*");

    private final JdbcClient jdbc;
    private final IdentityProperties properties;

    OAuthAuthorizationRequests(JdbcClient jdbc, IdentityProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest loadAuthorizationRequest(HttpServletRequest request) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null || state.isBlank()) {
            return null;
        }
        return jdbc.sql("SELECT request FROM oauth_authorization_requests WHERE state_hash = :h AND expires_at > now()")
                .param("h", Secrets.sha256(state))
                .query(byte[].class)
                .optional()
                .map(OAuthAuthorizationRequests::read)
                .orElse(null);
    }

    @Override
    public void saveAuthorizationRequest(
            @Nullable OAuth2AuthorizationRequest authorizationRequest,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (authorizationRequest == null) {
            removeAuthorizationRequest(request, response);
            return;
        }
        jdbc.sql("DELETE FROM oauth_authorization_requests WHERE expires_at < now()")
                .update();
        jdbc.sql("""
                INSERT INTO oauth_authorization_requests (state_hash, request, redirect_uri, link_user_id, expires_at)
                VALUES (:h, :request, :redirect, :link, now() + make_interval(secs => :ttl))
                """)
                .param("h", Secrets.sha256(authorizationRequest.getState()))
                .param("request", write(authorizationRequest))
                .param("redirect", request.getAttribute(REDIRECT_ATTRIBUTE))
                .param("link", request.getAttribute(LINK_USER_ATTRIBUTE))
                .param("ttl", properties.oauth().requestTtl().toSeconds())
                .update();
    }

    @Override
    public @Nullable OAuth2AuthorizationRequest removeAuthorizationRequest(
            HttpServletRequest request, HttpServletResponse response) {
        String state = request.getParameter(OAuth2ParameterNames.STATE);
        if (state == null || state.isBlank()) {
            return null;
        }
        Map<String, Object> row = jdbc.sql("""
                DELETE FROM oauth_authorization_requests WHERE state_hash = :h
                RETURNING request, redirect_uri, link_user_id, expires_at > now() AS live
                """).param("h", Secrets.sha256(state)).query().listOfRows().stream()
                .findFirst()
                .orElse(null);
        if (row == null || !Boolean.TRUE.equals(row.get("live"))) {
            return null;
        }
        request.setAttribute(REDIRECT_ATTRIBUTE, row.get("redirect_uri"));
        if (row.get("link_user_id") != null) {
            request.setAttribute(LINK_USER_ATTRIBUTE, (UUID) row.get("link_user_id"));
        }
        return read((byte[]) row.get("request"));
    }

    private static byte[] write(OAuth2AuthorizationRequest request) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(request);
            out.flush();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OAuth2AuthorizationRequest read(byte[] bytes) {
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            in.setObjectInputFilter(ONLY_AUTHORIZATION_REQUESTS);
            return (OAuth2AuthorizationRequest) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("an authorization request written by another version", e);
        }
    }
}
