package io.wellbase.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.wellbase.platform.security.Caller;
import io.wellbase.platform.security.CurrentOrganization;
import io.wellbase.platform.security.Role;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A handler that takes {@link CurrentOrganization} answers exactly as one that called
 * {@code caller.requireOrganization()} itself: the organization from the token, 403 without one, 401
 * without a caller.
 */
class CurrentOrganizationArgumentResolverTests {

    @RestController
    static class OrganizationController {

        @GetMapping("/resolved")
        String resolved(CurrentOrganization org) {
            return org.id().toString();
        }

        @GetMapping("/by-hand")
        String byHand(Caller caller) {
            return caller.requireOrganization().toString();
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new OrganizationController())
            .setCustomArgumentResolvers(new CallerArgumentResolver(), new CurrentOrganizationArgumentResolver())
            .setControllerAdvice(new GlobalProblemHandler())
            .build();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(UUID organizationId) {
        Caller caller = new Caller(UUID.randomUUID(), organizationId, organizationId == null ? null : Role.STAFF, "t");
        SecurityContextHolder.getContext().setAuthentication(new TestingAuthenticationToken(caller, null));
    }

    @Test
    void theOrganizationComesFromTheToken() throws Exception {
        UUID org = UUID.randomUUID();
        signIn(org);
        mvc.perform(get("/resolved"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.toString()));
    }

    @Test
    void noOrganizationAnswersTheSameProblemAsRequireOrganization() throws Exception {
        signIn(null);
        for (String path : new String[] {"/resolved", "/by-hand"}) {
            mvc.perform(get(path))
                    .andExpect(status().isForbidden())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.code").value("organization.not_selected"))
                    .andExpect(jsonPath("$.detail").value("No active organization: create one or switch to one first"));
        }
    }

    @Test
    void nobodySignedInIsUnauthorized() throws Exception {
        mvc.perform(get("/resolved"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("auth.unauthenticated"));
    }

    @Test
    void onlyTheRecordIsResolved() throws Exception {
        var resolver = new CurrentOrganizationArgumentResolver();
        var method = OrganizationController.class.getDeclaredMethod("resolved", CurrentOrganization.class);
        var other = OrganizationController.class.getDeclaredMethod("byHand", Caller.class);
        assertThat(resolver.supportsParameter(new MethodParameter(method, 0))).isTrue();
        assertThat(resolver.supportsParameter(new MethodParameter(other, 0))).isFalse();
    }
}
