/** Part of the platform API that other modules use: web. */
@org.springframework.modulith.NamedInterface("web")
package io.wellbase.platform.web;
