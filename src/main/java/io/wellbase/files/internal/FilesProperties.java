package io.wellbase.files.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the files module ({@code wellbase.files.*}): where bytes are kept and how long a
 * signed download link lives.
 *
 * @param storage   {@code local} (a folder, the default) or {@code s3}
 * @param linkTtl   lifetime of a signed download URL
 * @param generatedRetention how long exports and reports are kept (they can be made again)
 * @param directUploadTtl how long a direct upload's signed URL accepts the bytes (unconfirmed uploads are
 *     removed an hour after that)
 */
@Validated
@ConfigurationProperties("wellbase.files")
public record FilesProperties(
        @DefaultValue("local") @Pattern(regexp = "local|s3") String storage,
        @DefaultValue("5m") @NotNull Duration linkTtl,
        @DefaultValue("30d") @NotNull Duration generatedRetention,
        @DefaultValue("15m") @NotNull Duration directUploadTtl,
        @Valid @DefaultValue Local local,
        @Valid @DefaultValue S3 s3) {

    public record Local(
            @DefaultValue(".wellbase/files") @NotBlank String root) {}

    /** S3 or any S3-compatible service (MinIO, Ceph, R2); endpoint empty means AWS itself. */
    public record S3(
            @DefaultValue("") String endpoint,
            @DefaultValue("us-east-1") String region,
            @DefaultValue("wellbase-files") String bucket,
            @DefaultValue("") String accessKey,
            @DefaultValue("") String secretKey,
            @DefaultValue("true") boolean pathStyle) {}
}
