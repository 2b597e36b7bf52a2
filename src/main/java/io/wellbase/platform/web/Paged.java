package io.wellbase.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link PageQuery} handler parameter: it is read from the {@code page} and {@code page_size}
 * query parameters, and from {@code sort} when the endpoint is {@link #sortable()}, and checked as
 * {@link PageQuery#of} checks them (400 naming the field). The OpenAPI document lists those parameters.
 *
 * <pre>{@code
 * private static final SortSpec SORT = SortSpec.of(Map.of("name", "name"), "name", "id");
 *
 * PageResult<Plan> list(CurrentOrganization org, @Paged PageQuery page) { ... }
 * }</pre>
 */
@Documented
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
public @interface Paged {

    /**
     * The name of a static {@link SortSpec} field of the controller: the fields {@code sort} may name,
     * and the order when it names none.
     */
    String value() default "SORT";

    /**
     * Whether the client may choose the order with {@code sort}; when not, the endpoint takes no
     * {@code sort} parameter and its pages are always in the spec's default order.
     */
    boolean sortable() default false;
}
