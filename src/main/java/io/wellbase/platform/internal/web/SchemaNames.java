package io.wellbase.platform.internal.web;

import io.swagger.v3.core.jackson.TypeNameResolver;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.ScannedGenericBeanDefinition;
import org.springframework.util.ClassUtils;

/**
 * Schema names that never collide. Modules keep their records short-named and nested
 * ({@code SessionsController.JoinLink}, {@code JoinLinks.JoinLink}); under plain simple names the
 * second of two such records silently took the first one's schema. A nested type whose simple name
 * another Wellbase class shares is named with its enclosing class in front, "Controller" left out
 * ({@code SessionsJoinLink}, {@code JoinLinksJoinLink}); every other type keeps its simple name.
 */
class SchemaNames extends TypeNameResolver {

    private static final String ROOT = "io.wellbase";

    private final Set<String> shared;

    SchemaNames() {
        this(sharedSimpleNames());
    }

    SchemaNames(Set<String> shared) {
        this.shared = Set.copyOf(shared);
    }

    @Override
    protected String getNameOfClass(Class<?> type) {
        String name = super.getNameOfClass(type);
        Class<?> enclosing = type.getEnclosingClass();
        if (enclosing == null || !shared.contains(type.getSimpleName()) || !name.equals(type.getSimpleName())) {
            return name;
        }
        String prefix = enclosing.getSimpleName();
        if (prefix.endsWith("Controller") && prefix.length() > "Controller".length()) {
            prefix = prefix.substring(0, prefix.length() - "Controller".length());
        }
        return prefix + name;
    }

    /**
     * The simple names that more than one class under {@code io.wellbase} has, counting only the
     * classes beside this one (not test classes), so tests see the production names.
     */
    private static Set<String> sharedSimpleNames() {
        String self = SchemaNames.class.getName().replace('.', '/') + ".class";
        String root = String.valueOf(SchemaNames.class.getClassLoader().getResource(self))
                .replace(self, "");
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
                return true;
            }
        };
        scanner.addIncludeFilter((reader, factory) -> true);
        Map<String, Long> counts = new HashMap<>(scanner.findCandidateComponents(ROOT).stream()
                .filter(definition -> beside(definition, root))
                .map(BeanDefinition::getBeanClassName)
                .filter(name -> name != null && !name.matches(".*\\$\\d+.*"))
                .collect(Collectors.groupingBy(SchemaNames::simpleName, Collectors.counting())));
        counts.values().removeIf(count -> count < 2);
        return counts.keySet();
    }

    private static boolean beside(BeanDefinition definition, String root) {
        try {
            return definition instanceof ScannedGenericBeanDefinition scanned
                    && scanned.getResource().getURL().toString().startsWith(root);
        } catch (IOException ex) {
            return false;
        }
    }

    private static String simpleName(String className) {
        String shortName = ClassUtils.getShortName(className);
        return shortName.substring(shortName.lastIndexOf('.') + 1);
    }
}
