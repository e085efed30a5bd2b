package io.meridian.sync;

import java.util.Map;

/**
 * What a node's sync has done, for operators (the gateway serves it at {@code /-/sync}).
 *
 * @param reconciledManifest the last manifest revision fully applied (0: none yet)
 * @param apis API id to "revision state sha256"
 * @param rejectedArtifacts distinct artifacts refused (bad hash, signature or format): an alarm
 */
public record SyncStatus(
    long reconciledManifest,
    Map<String, String> apis,
    long rejectedArtifacts,
    String lastError,
    boolean restoredFromCache) {}
