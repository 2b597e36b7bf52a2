/** Part of the platform API that other modules use: PDF text in the fonts shipped with Wellbase (reports, invoices). */
@org.springframework.modulith.NamedInterface("pdf")
@org.jspecify.annotations.NullMarked
package io.wellbase.platform.pdf;
