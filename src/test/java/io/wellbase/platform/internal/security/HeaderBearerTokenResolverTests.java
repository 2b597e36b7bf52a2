package io.wellbase.platform.internal.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

class HeaderBearerTokenResolverTests {

    private final HeaderBearerTokenResolver resolver = new HeaderBearerTokenResolver();
    private final DefaultBearerTokenResolver springDefault = new DefaultBearerTokenResolver();

    @Test
    void readsTheTokenOfTheAuthorizationHeaderAsSpringSecurityDoes() {
        for (String header : new String[] {
            "Bearer abc.DEF-ghi_~+/123", "bearer abc", "BEARER a==", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln"
        }) {
            assertThat(resolver.resolve(request(header)))
                    .as(header)
                    .isEqualTo(springDefault.resolve(request(header)))
                    .isEqualTo(header.substring(7));
        }
    }

    @Test
    void noBearerHeaderMeansNoToken() {
        assertThat(resolver.resolve(new MockHttpServletRequest())).isNull();
        assertThat(resolver.resolve(request("Basic dXNlcjpwYXNz"))).isNull();
        assertThat(resolver.resolve(request("Bear"))).isNull();
    }

    @Test
    void aMalformedBearerTokenIsRefusedAsSpringSecurityRefusesIt() {
        for (String header :
                new String[] {"Bearer ", "Bearer", "Bearer a b", "Bearer =abc", "Bearer a=b", "Bearer ä", "Bearerabc"
                }) {
            assertThatThrownBy(() -> resolver.resolve(request(header)))
                    .as(header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
            assertThatThrownBy(() -> springDefault.resolve(request(header)))
                    .as("Spring Security's resolver: " + header)
                    .isInstanceOf(OAuth2AuthenticationException.class);
        }
    }

    private static MockHttpServletRequest request(String authorization) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.addHeader("Authorization", authorization);
        return request;
    }
}
