package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.wellbase.platform.web.ApiException;
import java.util.List;

/**
 * The shape of the RFC 9457 problem details that {@link io.wellbase.platform.web.Problems} builds,
 * for the OpenAPI document only: the handlers answer Spring's {@code ProblemDetail}, whose extra
 * properties ({@code code}, {@code errors}, {@code requestId}) a scanner cannot see.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, the body of every error (application/problem+json)")
record Problem(
        @Schema(
                format = "uri",
                requiredMode = RequiredMode.REQUIRED,
                example = "https://wellbase.dev/problems/validation-failed")
        String type,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "Invalid request")
        String title,

        @Schema(requiredMode = RequiredMode.REQUIRED, example = "400")
        int status,

        @Schema(
                requiredMode = RequiredMode.REQUIRED,
                example = "validation_failed",
                description = "Stable machine-readable code, such as booking.session_full")
        String code,

        @Schema(example = "1 field is invalid") String detail,
        @Schema(format = "uri-reference") String instance,

        @Schema(description = "The invalid fields, for validation_failed")
        List<ApiException.FieldError> errors,

        @Schema(description = "The request id; quote it when reporting a problem")
        String requestId) {}
