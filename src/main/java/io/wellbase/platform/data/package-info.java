/** Part of the platform API that other modules use: data. */
@org.springframework.modulith.NamedInterface("data")
package io.wellbase.platform.data;
