package io.wellbase.platform.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.info.GitProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What is running: the version and build time from the build, the commit from git (a build outside a checkout has
 * none). Public, like the health endpoint, so a front end or an operator can tell which server answers.
 */
@RestController
@Tag(name = "Platform")
class VersionController {

    private final ObjectProvider<BuildProperties> build;
    private final ObjectProvider<GitProperties> git;

    VersionController(ObjectProvider<BuildProperties> build, ObjectProvider<GitProperties> git) {
        this.build = build;
        this.git = git;
    }

    /** The running server; fields are absent when the build did not record them. */
    record Version(
            @Nullable String version,
            @Nullable String commit,
            @Nullable String commitShort,
            @Nullable Instant buildTime,
            @Nullable Instant commitTime) {}

    @GetMapping("/api/v1/version")
    @Operation(summary = "The running server's version, commit and build time")
    Version version() {
        BuildProperties b = build.getIfAvailable();
        GitProperties g = git.getIfAvailable();
        return new Version(
                b == null ? null : b.getVersion(),
                g == null ? null : g.getCommitId(),
                g == null ? null : g.getShortCommitId(),
                b == null ? null : b.getTime(),
                g == null ? null : g.getCommitTime());
    }
}
