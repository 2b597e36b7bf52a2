/** Part of the platform API that other modules use: mail. */
@org.springframework.modulith.NamedInterface("mail")
package io.wellbase.platform.mail;
