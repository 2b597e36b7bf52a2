/** Part of the platform API that other modules use: demo. */
@org.springframework.modulith.NamedInterface("demo")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.demo;
