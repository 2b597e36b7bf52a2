package io.wellbase.platform.internal.security;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenErrors;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;

/**
 * The bearer token of the {@code Authorization} header (RFC 6750 §2.1), and nowhere else: no query or
 * form parameter. The same rules as Spring Security's default resolver, checked character by
 * character instead of by a regular expression on every request (3 % of the server's samples under
 * the booking load).
 */
final class HeaderBearerTokenResolver implements BearerTokenResolver {

    private static final String SCHEME = "Bearer";

    @Override
    public @Nullable String resolve(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        if (header.length() <= SCHEME.length() + 1
                || header.charAt(SCHEME.length()) != ' '
                || !isToken68(header, SCHEME.length() + 1)) {
            throw new OAuth2AuthenticationException(BearerTokenErrors.invalidToken("Bearer token is malformed"));
        }
        return header.substring(SCHEME.length() + 1);
    }

    /** {@code 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="} from {@code from} to the end. */
    static boolean isToken68(String value, int from) {
        int i = from;
        while (i < value.length() && isTokenChar(value.charAt(i))) {
            i++;
        }
        if (i == from) {
            return false;
        }
        while (i < value.length() && value.charAt(i) == '=') {
            i++;
        }
        return i == value.length();
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '+'
                || c == '/';
    }
}
