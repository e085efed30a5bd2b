package io.meridian.shared.json;

import jakarta.json.spi.JsonProvider;

/**
 * The one JSON-P provider Meridian's own code uses. Each {@code
 * jakarta.json.Jsons.PROVIDER.createXxx} call looks the provider up again through the service
 * loader; inside Payara, on a gateway's activation path, that cost more than the JSON itself (the
 * last-known-good file, one builder per API: 8-54 ms). Looked up once, the first time it is needed.
 */
public final class Jsons {

  public static final JsonProvider PROVIDER = JsonProvider.provider();

  private Jsons() {}
}
