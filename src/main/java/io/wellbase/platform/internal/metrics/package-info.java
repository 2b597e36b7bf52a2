/** Meters an operator reads beside the framework's: what waits in the background. */
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.internal.metrics;
