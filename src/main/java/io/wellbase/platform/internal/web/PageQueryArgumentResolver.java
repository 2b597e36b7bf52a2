package io.wellbase.platform.internal.web;

import io.wellbase.platform.web.PageQuery;
import io.wellbase.platform.web.Paged;
import io.wellbase.platform.web.SortSpec;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Hands a controller method its {@link Paged} {@link PageQuery}, built from the {@code page},
 * {@code page_size} and (when sortable) {@code sort} query parameters with the controller's
 * {@link SortSpec}. Values convert as {@code @RequestParam} would convert them (a non-number answers
 * the same 400 "has the wrong type or format"), and {@link PageQuery#of} checks the ranges and the sort.
 */
class PageQueryArgumentResolver implements HandlerMethodArgumentResolver {

    static final String PAGE = "page";
    static final String PAGE_SIZE = "page_size";
    static final String SORT = "sort";

    private static final Map<String, SortSpec> SPECS = new ConcurrentHashMap<>();

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(PageQuery.class);
    }

    @Override
    public PageQuery resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory)
            throws Exception {
        Paged paged = paged(parameter);
        SortSpec spec = sortSpec(parameter);
        Integer page = convert(PAGE, Integer.class, parameter, webRequest, binderFactory);
        Integer pageSize = convert(PAGE_SIZE, Integer.class, parameter, webRequest, binderFactory);
        String sort = paged.sortable() ? convert(SORT, String.class, parameter, webRequest, binderFactory) : null;
        return PageQuery.of(page, pageSize, sort, spec);
    }

    static Paged paged(MethodParameter parameter) {
        Paged paged = parameter.getParameterAnnotation(Paged.class);
        if (paged == null) {
            throw new IllegalStateException("PageQuery parameter of " + parameter.getExecutable()
                    + " needs @Paged to say which SortSpec orders it");
        }
        return paged;
    }

    /** The static {@link SortSpec} field of the handler's class that {@link Paged#value()} names. */
    static SortSpec sortSpec(MethodParameter parameter) {
        Class<?> controller = parameter.getDeclaringClass();
        String name = paged(parameter).value();
        return SPECS.computeIfAbsent(controller.getName() + "#" + name, key -> {
            try {
                Field field = controller.getDeclaredField(name);
                if (!Modifier.isStatic(field.getModifiers()) || !SortSpec.class.equals(field.getType())) {
                    throw new IllegalStateException(key + " is not a static SortSpec");
                }
                field.setAccessible(true);
                return (SortSpec) field.get(null);
            } catch (NoSuchFieldException | IllegalAccessException e) {
                throw new IllegalStateException("@Paged names " + key + ", which is no static SortSpec", e);
            }
        });
    }

    /** What {@code @RequestParam(name = name, required = false)} would hand the handler. */
    private static <T> T convert(
            String name,
            Class<T> type,
            MethodParameter parameter,
            NativeWebRequest request,
            WebDataBinderFactory binderFactory)
            throws Exception {
        String[] values = request.getParameterValues(name);
        if (values == null) {
            return null;
        }
        Object raw = values.length == 1 ? values[0] : values;
        WebDataBinder binder = binderFactory.createBinder(request, null, name);
        try {
            return binder.convertIfNecessary(raw, type);
        } catch (TypeMismatchException e) {
            throw new MethodArgumentTypeMismatchException(raw, type, name, parameter, e.getCause());
        }
    }
}
