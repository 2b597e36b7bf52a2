package io.wellbase.platform.internal.web;

import com.fasterxml.jackson.databind.JavaType;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;
import java.lang.reflect.ParameterizedType;
import java.util.Iterator;
import org.springframework.web.bind.annotation.RestController;

/**
 * Names the schema of a type declared inside a controller after the controller as well
 * ({@code SessionsController.JoinLink} becomes {@code SessionsJoinLink}). Controllers keep their
 * request and response records short-named and nested, so two of them often share a simple name
 * ({@code CancelRequest}, {@code AcceptRequest}); under plain simple names the second silently took
 * the first one's schema.
 */
class SchemaNames implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        if (type.getName() == null && !type.isSkipSchemaName()) {
            String name = nameFor(rawClass(type.getType()));
            if (name != null) {
                type.name(name);
            }
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }

    static String nameFor(Class<?> type) {
        if (type == null) {
            return null;
        }
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing == null || !enclosing.isAnnotationPresent(RestController.class)) {
            return null;
        }
        io.swagger.v3.oas.annotations.media.Schema declared =
                type.getAnnotation(io.swagger.v3.oas.annotations.media.Schema.class);
        if (declared != null && !declared.name().isEmpty()) {
            return null;
        }
        String controller = enclosing.getSimpleName();
        if (controller.endsWith("Controller")) {
            controller = controller.substring(0, controller.length() - "Controller".length());
        }
        return controller + type.getSimpleName();
    }

    private static Class<?> rawClass(java.lang.reflect.Type type) {
        return switch (type) {
            case Class<?> c -> c;
            case JavaType j -> j.getRawClass();
            case ParameterizedType p when p.getRawType() instanceof Class<?> c -> c;
            case null, default -> null;
        };
    }
}
