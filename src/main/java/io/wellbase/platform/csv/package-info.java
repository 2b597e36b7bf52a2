/** Part of the platform API that other modules use: the one way Wellbase writes CSV. */
@org.springframework.modulith.NamedInterface("csv")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.csv;
