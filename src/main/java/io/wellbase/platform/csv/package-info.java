/** Part of the platform API that other modules use: the one way Wellbase writes CSV. */
@org.springframework.modulith.NamedInterface("csv")
package io.wellbase.platform.csv;
