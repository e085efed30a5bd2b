package io.meridian.application.internal;

/** Fired in the transaction that wrote an outbox entry; observed after it commits. */
public record PublicationRequested(String apiId) {}
