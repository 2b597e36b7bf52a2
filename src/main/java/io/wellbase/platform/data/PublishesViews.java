package io.wellbase.platform.data;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares, on a module's {@code package-info.java} beside {@link OwnsTables}, the read-only views the module
 * publishes for other modules' reports, exports and insights. The owner creates each view in its own
 * migration over its own tables; another module reads the view and never the tables, so only the owner's
 * code and migrations know how its data is stored. Nobody writes a view. {@code TableOwnershipTests} holds
 * this (docs/architecture.md).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface PublishesViews {

    /** The views, by name. */
    String[] value();
}
