/**
 * Uploaded and generated files: size and content-type checks per purpose, storage in a local
 * folder or S3-compatible storage, and short-lived signed download URLs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Files")
@io.wellbase.platform.data.OwnsTables({"files", "file_link_keys", "pending_uploads"})
@org.jspecify.annotations.NullMarked
package io.wellbase.files;
