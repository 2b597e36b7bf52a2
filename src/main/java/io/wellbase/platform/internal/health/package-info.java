/** The node's health as the API answers it, beside the actuator's. */
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.internal.health;
