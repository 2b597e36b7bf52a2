package io.wellbase.platform.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a module's {@code package-info.java}, the database tables the module owns. Only the
 * owner writes a table; another module that needs its data calls the owner's API or reads what the
 * owner publishes for it. {@code TableOwnershipTests} holds every module's SQL to this, since coupling
 * through SQL is invisible to the Java boundary check (docs/architecture.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

    /** The tables, by name. */
    String[] value();
}
