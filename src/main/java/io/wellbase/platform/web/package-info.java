/** Part of the platform API that other modules use: web. */
@org.springframework.modulith.NamedInterface("web")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.web;
