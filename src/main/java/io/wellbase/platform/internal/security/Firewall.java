package io.wellbase.platform.internal.security;

import java.util.function.Predicate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall with its own rule for header names and values, checked without a regular
 * expression. The default rule ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*}, a Unicode property test per
 * character) runs on every read of a header, and the bearer token is read several times per request: under
 * {@code GET /auth/me} 16 % of the server's samples were that pattern on the token. Here the same rule is a loop
 * with an ASCII fast path: every code point assigned and not a control character.
 */
@Configuration(proxyBeanMethods = false)
class Firewall {

    static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = Firewall::assignedAndNotControl;

    @Bean
    StrictHttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_AND_NOT_CONTROL);
        firewall.setAllowedHeaderValues(ASSIGNED_AND_NOT_CONTROL);
        return firewall;
    }

    static boolean assignedAndNotControl(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) { // printable ASCII: assigned, not a control
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
