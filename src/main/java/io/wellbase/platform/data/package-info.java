/** Part of the platform API that other modules use: data. */
@org.springframework.modulith.NamedInterface("data")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.data;
