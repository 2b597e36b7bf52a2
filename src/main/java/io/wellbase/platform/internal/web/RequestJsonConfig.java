package io.wellbase.platform.internal.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.module.SimpleModule;

/**
 * Strict JSON input: a field the request does not know, a {@code null} inside a list and a control
 * character in a string are all a 400 naming the field, instead of being ignored or failing later in
 * the database.
 */
@Configuration(proxyBeanMethods = false)
class RequestJsonConfig {

    @Bean
    JsonMapperBuilderCustomizer strictRequestJson() {
        JsonSetter.Value noNullElements = JsonSetter.Value.forContentNulls(Nulls.FAIL);
        return builder -> builder.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .withConfigOverride(List.class, o -> o.setNullHandling(noNullElements))
                .withConfigOverride(Set.class, o -> o.setNullHandling(noNullElements))
                .withConfigOverride(Collection.class, o -> o.setNullHandling(noNullElements))
                .addModule(new SimpleModule("wellbase-strict-strings")
                        .addDeserializer(String.class, new ControlCharacters.CheckedStringDeserializer()));
    }
}
