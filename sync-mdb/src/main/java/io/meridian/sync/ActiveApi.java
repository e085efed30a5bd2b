package io.meridian.sync;

import io.meridian.shared.artifact.ApiArtifact;

/**
 * An artifact a gateway serves.
 *
 * @param publishedAt the manifest revision at which the master published it; a newer artifact for
 *     the same API always has a higher one, so an older manifest never rolls it back
 */
public record ActiveApi(String sha256, long publishedAt, ApiArtifact artifact) {}
