package io.wellbase.files;

import java.time.Instant;

/** A short-lived URL that downloads one file without a bearer token; tampered or expired answers 403. */
public record DownloadLink(String url, Instant expiresAt) {}
