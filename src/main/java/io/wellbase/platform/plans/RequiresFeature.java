package io.wellbase.platform.plans;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint, or every endpoint of a controller, as part of a tier's feature: an organization whose tier
 * lacks it gets 402 {@code plan.feature_unavailable} naming the feature, before the handler runs. A method's own
 * annotation wins over its controller's.
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface RequiresFeature {
    Feature value();
}
