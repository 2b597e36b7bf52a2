package io.wellbase.platform.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.MethodParameter;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Paged} {@link PageQuery} parameter answers as the three {@code @RequestParam}s and
 * {@link PageQuery#of} it replaced: the same defaults and values, the same 400 for a bad value.
 */
class PageQueryArgumentResolverTests {

    @RestController
    static class PagedController {

        private static final SortSpec SORT =
                SortSpec.of(Map.of("name", "name", "createdAt", "created_at"), "name", "id");
        private static final SortSpec NEWEST = SortSpec.of(Map.of("createdAt", "created_at"), "-createdAt", "id");

        @GetMapping("/sortable")
        String sortable(@Paged(sortable = true) PageQuery page) {
            return describe(page);
        }

        @GetMapping("/fixed")
        String fixed(@Paged("NEWEST") PageQuery page) {
            return describe(page);
        }

        @GetMapping("/by-hand")
        String byHand(
                @RequestParam(required = false) Integer page,
                @RequestParam(name = "page_size", required = false) Integer pageSize,
                @RequestParam(required = false) String sort) {
            return describe(PageQuery.of(page, pageSize, sort, SORT));
        }

        String unannotated(PageQuery page) {
            return describe(page);
        }

        String misnamed(@Paged("OLDEST") PageQuery page) {
            return describe(page);
        }

        private static String describe(PageQuery page) {
            return page.page() + "/" + page.pageSize() + "/"
                    + page.sort().stream()
                            .map(o -> (o.descending() ? "-" : "") + o.field())
                            .collect(Collectors.joining(","));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new PagedController())
            .setCustomArgumentResolvers(new PageQueryArgumentResolver())
            .setControllerAdvice(new GlobalProblemHandler())
            .build();

    private MockHttpServletResponse call(String path) throws Exception {
        return mvc.perform(get(path)).andReturn().getResponse();
    }

    @Test
    void defaultsToTheFirstPageOfTwentyInTheSpecsOrder() throws Exception {
        assertThat(call("/sortable").getContentAsString()).isEqualTo("1/20/name");
        assertThat(call("/fixed").getContentAsString()).isEqualTo("1/20/-createdAt");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=3&page_size=50&sort=-createdAt,name",
                "page=2&sort=name&sort=-createdAt",
                "page=&page_size=",
                "page_size=200",
                "page=+2&page_size= 7 ",
                "sort="
            })
    void readsTheParametersAsTheRequestParamsDid(String query) throws Exception {
        MockHttpServletResponse resolved = call("/sortable?" + query);
        assertThat(resolved.getStatus()).isEqualTo(200);
        assertThat(resolved.getContentAsString())
                .isEqualTo(call("/by-hand?" + query).getContentAsString());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "page=0",
                "page=-1",
                "page_size=0",
                "page_size=201",
                "page=abc",
                "page_size=1.5",
                "page=99999999999",
                "sort=password",
                "sort=name,-password",
                "sort=-",
                "sort=name,,createdAt"
            })
    void badValuesAnswerTheSame400NamingTheField(String query) throws Exception {
        MockHttpServletResponse resolved = call("/sortable?" + query);
        MockHttpServletResponse byHand = call("/by-hand?" + query);
        assertThat(resolved.getStatus()).isEqualTo(400);
        JsonNode problem = JSON.readTree(resolved.getContentAsString());
        JsonNode expected = JSON.readTree(byHand.getContentAsString());
        assertThat(problem.path("code").asString()).isEqualTo("validation_failed");
        assertThat(problem.path("errors")).hasSize(1);
        assertThat(query)
                .startsWith(problem.path("errors").path(0).path("field").asString() + "=");
        for (String field : new String[] {"status", "code", "detail", "errors"}) {
            assertThat(problem.path(field)).as(field).isEqualTo(expected.path(field));
        }
    }

    @Test
    void aSortOutsideTheWhitelistNamesTheAllowedFields() throws Exception {
        JsonNode error = JSON.readTree(call("/sortable?sort=-password").getContentAsString())
                .path("errors")
                .path(0);
        assertThat(error.path("field").asString()).isEqualTo("sort");
        assertThat(error.path("message").asString())
                .startsWith("unknown sort field 'password'; allowed: ")
                .contains("name")
                .contains("createdAt");
    }

    @Test
    void anEndpointThatIsNotSortableIgnoresSortAsBefore() throws Exception {
        MockHttpServletResponse response = call("/fixed?sort=password&page=2");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("2/20/-createdAt");
    }

    @Test
    void aPageQueryWithoutPagedOrWithAMisnamedSpecFailsLoudly() throws Exception {
        var unannotated =
                new MethodParameter(PagedController.class.getDeclaredMethod("unannotated", PageQuery.class), 0);
        var misnamed = new MethodParameter(PagedController.class.getDeclaredMethod("misnamed", PageQuery.class), 0);
        assertThat(new PageQueryArgumentResolver().supportsParameter(unannotated))
                .isTrue();
        assertThatThrownBy(() -> PageQueryArgumentResolver.sortSpec(unannotated))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs @Paged");
        assertThatThrownBy(() -> PageQueryArgumentResolver.sortSpec(misnamed))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OLDEST");
    }

    @Test
    void theDocumentListsThePageParametersAndTheSortFields() throws Exception {
        Operation sortable = new PageParameters()
                .customize(
                        new Operation(),
                        new HandlerMethod(
                                new PagedController(),
                                PagedController.class.getDeclaredMethod("sortable", PageQuery.class)));
        Operation fixed = new PageParameters()
                .customize(
                        new Operation(),
                        new HandlerMethod(
                                new PagedController(),
                                PagedController.class.getDeclaredMethod("fixed", PageQuery.class)));
        assertThat(sortable.getParameters())
                .extracting(Parameter::getName)
                .containsExactly("page", "page_size", "sort");
        assertThat(sortable.getParameters()).extracting(Parameter::getIn).containsOnly("query");
        assertThat(sortable.getParameters().get(1).getSchema().getMaximum()).isEqualByComparingTo("200");
        assertThat(sortable.getParameters().get(2).getDescription()).endsWith(": createdAt, name");
        assertThat(fixed.getParameters()).extracting(Parameter::getName).containsExactly("page", "page_size");
    }
}
