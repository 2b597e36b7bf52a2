/** Part of the platform API that other modules use: demo. */
@org.springframework.modulith.NamedInterface("demo")
package io.wellbase.platform.demo;
