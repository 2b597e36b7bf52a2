package io.wellbase;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

/**
 * Every package another module may use is {@link NullMarked}: a module's root package (its API) and every
 * package of a named interface (the platform's {@code data}, {@code web}, {@code security}, …). Inside
 * them a type is non-null unless it says {@code @Nullable}, so a caller knows which answers to check and
 * which arguments it may leave out (docs/architecture.md, "Null in module APIs"). The packages come from
 * the same Spring Modulith model {@code ModularityTests} verifies, so a new module or named interface is
 * held to this at once.
 */
class NullMarkedApiTests {

    private final ApplicationModules modules = ApplicationModules.of(Wellbase.class);

    @Test
    void moduleApiPackagesAreNullMarked() {
        Set<String> apiPackages = new TreeSet<>();
        Set<String> namedInterfacePackages = new TreeSet<>();
        for (ApplicationModule module : modules) {
            apiPackages.add(module.getBasePackage().getName());
            module.getNamedInterfaces().stream()
                    .filter(NamedInterface::isNamed)
                    .flatMap(NamedInterface::asJavaClasses)
                    .map(JavaClass::getPackageName)
                    .forEach(namedInterfacePackages::add);
        }
        assertThat(apiPackages).as("module root packages").contains("io.wellbase.clients", "io.wellbase.platform");
        assertThat(namedInterfacePackages)
                .as("named interface packages")
                .contains("io.wellbase.platform.web", "io.wellbase.platform.imports");
        apiPackages.addAll(namedInterfacePackages);

        Set<String> unmarked = new TreeSet<>();
        for (String pkg : apiPackages) {
            if (!nullMarked(pkg)) {
                unmarked.add(pkg);
            }
        }
        assertThat(unmarked)
                .as("API packages whose package-info.java lacks @org.jspecify.annotations.NullMarked")
                .isEmpty();
    }

    private static boolean nullMarked(String pkg) {
        try {
            return Class.forName(pkg + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
