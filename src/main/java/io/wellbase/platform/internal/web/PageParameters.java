package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.JsonSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.Paged;
import java.math.BigDecimal;
import java.util.Set;
import java.util.TreeSet;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * The query parameters behind a {@link Paged} {@link PageQuery} ({@code page}, {@code page_size} and,
 * when sortable, {@code sort} with the fields it allows): the scanner sees only the record, which
 * {@link OpenApiConfig} hides, and {@link PageQueryArgumentResolver} reads them from the request.
 */
class PageParameters implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        for (MethodParameter parameter : handler.getMethodParameters()) {
            if (!parameter.getParameterType().equals(PageQuery.class)) {
                continue;
            }
            Paged paged = PageQueryArgumentResolver.paged(parameter);
            var fields =
                    new TreeSet<>(PageQueryArgumentResolver.sortSpec(parameter).fields());
            operation.addParametersItem(query(
                    PageQueryArgumentResolver.PAGE,
                    "The page, from 1",
                    integer().minimum(BigDecimal.ONE)._default(1)));
            operation.addParametersItem(query(
                    PageQueryArgumentResolver.PAGE_SIZE,
                    "Items per page",
                    integer()
                            .minimum(BigDecimal.ONE)
                            .maximum(BigDecimal.valueOf(PageQuery.MAX_PAGE_SIZE))
                            ._default(PageQuery.DEFAULT_PAGE_SIZE)));
            if (paged.sortable()) {
                operation.addParametersItem(query(
                        PageQueryArgumentResolver.SORT,
                        "Fields to sort by, comma-separated, each with '-' before it for descending: "
                                + String.join(", ", fields),
                        new JsonSchema().types(Set.of("string"))));
            }
        }
        return operation;
    }

    private static Schema<Object> integer() {
        return new JsonSchema().types(Set.of("integer")).format("int32");
    }

    private static Parameter query(String name, String description, Schema<?> schema) {
        return new Parameter()
                .name(name)
                .in("query")
                .required(false)
                .description(description)
                .schema(schema);
    }
}
