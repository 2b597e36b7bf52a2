package io.wellbase.platform.web;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A JSON Schema (draft 2020-12) of a settings record, read from its components and their Bean Validation
 * constraints: strings with their length and pattern, numbers with their bounds, enums with their JSON values,
 * nested records as objects. What a front end needs to build a settings form and validate it before sending; the
 * server validates the same constraints on every write.
 */
public final class RecordSchema {

    private RecordSchema() {}

    public static Map<String, Object> of(Class<? extends Record> type, String title) {
        Map<String, Object> schema = object(type);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        document.put("title", title);
        document.putAll(schema);
        return document;
    }

    private static Map<String, Object> object(Class<?> type) {
        Map<String, Object> properties = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            // constraints without RECORD_COMPONENT in their targets are kept on the accessor, not the component
            Method accessor = component.getAccessor();
            properties.put(component.getName(), property(component.getType(), accessor));
            if (accessor.isAnnotationPresent(NotNull.class) || accessor.isAnnotationPresent(NotBlank.class)) {
                required.add(component.getName());
            }
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("additionalProperties", false);
        schema.put("properties", properties);
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        return schema;
    }

    private static Map<String, Object> property(Class<?> type, AnnotatedElement element) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (type.isRecord()) {
            return object(type);
        }
        if (type.isEnum()) {
            p.put("type", "string");
            p.put("enum", enumValues(type));
        } else if (type == String.class) {
            p.put("type", "string");
            Size size = element.getAnnotation(Size.class);
            if (size != null) {
                p.put("minLength", size.min());
                p.put("maxLength", size.max());
            }
            Pattern pattern = element.getAnnotation(Pattern.class);
            if (pattern != null) {
                p.put("pattern", pattern.regexp());
            }
            if (element.isAnnotationPresent(NotBlank.class)) {
                p.putIfAbsent("minLength", 1);
            }
        } else if (type == UUID.class) {
            p.put("type", "string");
            p.put("format", "uuid");
        } else if (type == Boolean.class || type == boolean.class) {
            p.put("type", "boolean");
        } else if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            p.put("type", "integer");
            Min min = element.getAnnotation(Min.class);
            if (min != null) {
                p.put("minimum", min.value());
            }
            Max max = element.getAnnotation(Max.class);
            if (max != null) {
                p.put("maximum", max.value());
            }
        } else {
            p.put("type", "string");
        }
        return p;
    }

    private static List<Object> enumValues(Class<?> type) {
        Method json = null;
        for (Method m : type.getDeclaredMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                json = m;
                json.setAccessible(true);
            }
        }
        List<Object> values = new ArrayList<>();
        for (Object constant : type.getEnumConstants()) {
            try {
                values.add(json == null ? ((Enum<?>) constant).name() : json.invoke(constant));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return values;
    }
}
