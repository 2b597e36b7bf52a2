package io.wellbase.files.internal;

import io.wellbase.platform.web.PublicUrl;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Chooses the storage by {@code wellbase.files.storage}: a local folder unless S3 is configured. */
@Configuration(proxyBeanMethods = false)
class StorageConfig {

    @Bean
    ObjectStorage objectStorage(FilesProperties properties, LinkSigner signer, PublicUrl publicUrl) throws IOException {
        if ("s3".equals(properties.storage())) {
            return s3(properties.s3());
        }
        return new LocalStorage(Path.of(properties.local().root()), signer, publicUrl);
    }

    static S3Storage s3(FilesProperties.S3 s3) {
        AwsCredentialsProvider credentials = s3.accessKey().isBlank()
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey()));
        S3Configuration serviceConfig =
                S3Configuration.builder().pathStyleAccessEnabled(s3.pathStyle()).build();
        var client = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfig)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
        var presigner = S3Presigner.builder()
                .region(Region.of(s3.region()))
                .credentialsProvider(credentials)
                .serviceConfiguration(serviceConfig);
        if (!s3.endpoint().isBlank()) {
            client.endpointOverride(URI.create(s3.endpoint()));
            presigner.endpointOverride(URI.create(s3.endpoint()));
        }
        return new S3Storage(client.build(), presigner.build(), s3.bucket());
    }
}
