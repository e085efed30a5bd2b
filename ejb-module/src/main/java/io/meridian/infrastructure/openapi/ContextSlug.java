package io.meridian.infrastructure.openapi;

import java.text.Normalizer;
import java.util.Locale;

/** Derives a context from an API title: "Pet Store (Beta)" becomes {@code /pet-store-beta}. */
final class ContextSlug {

  private static final int MAX_SEGMENT = 64;

  private ContextSlug() {}

  /** The context, or null when the title has no letter or digit of [a-z0-9] to build it from. */
  static String of(String title) {
    if (title == null) {
      return null;
    }
    String slug =
        Normalizer.normalize(title, Normalizer.Form.NFD)
            .replaceAll("\\p{M}", "")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9]+", "-")
            .replaceAll("^-+|-+$", "");
    if (slug.length() > MAX_SEGMENT) {
      slug = slug.substring(0, MAX_SEGMENT).replaceAll("-+$", "");
    }
    return slug.isEmpty() ? null : "/" + slug;
  }
}
