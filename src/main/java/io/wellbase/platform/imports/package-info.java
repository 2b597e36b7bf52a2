/**
 * Part of the platform API that other modules use: the staging contract of imports. {@code dataexchange}
 * reads a file into {@code import_stage}; the module that owns the tables merges the staged rows with
 * {@link io.wellbase.platform.imports.ImportStage} and answers a {@link io.wellbase.platform.imports.MergeResult}.
 */
@org.springframework.modulith.NamedInterface("imports")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.imports;
