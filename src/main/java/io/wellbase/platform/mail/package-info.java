/** Part of the platform API that other modules use: mail. */
@org.springframework.modulith.NamedInterface("mail")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.mail;
