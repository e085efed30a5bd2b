/**
 * The anti-corruption layer between OpenAPI 3 documents and Meridian's API model. swagger-parser
 * reads the documents; its model (and Jackson under it) stays inside this package, so the domain
 * only ever sees {@code ImportedDefinition} and the application services only text. It sits in
 * infrastructure beside the other adapters to outside formats because it depends on a third-party
 * library, and the rules of what an import may change live in the domain, not here.
 *
 * <p>Mapping rules, import: info.title is the name, info.version the version (it must be a valid
 * Meridian version), info.description the description (cut at 4000 characters), the top-level tags
 * the tags. The context is the caller's, else the document's {@code x-meridian-context}, else
 * {@code /} followed by the title's slug (accents dropped, lower case, each run of other characters
 * than [a-z0-9] a single '-', trimmed of '-', at most 64 characters). Every path and method is an
 * operation with the path as its URI template; its security requirement (the operation's, else the
 * document's) makes it require a token unless it is absent, empty ({@code security: []}) or lists
 * an empty requirement ({@code {}}, anonymous allowed); its scopes are the union of those listed
 * for oauth2 and openIdConnect schemes; {@code x-meridian-tier} may set its tier. The first server,
 * with its variables at their defaults, is the production endpoint when it is an absolute http(s)
 * URL.
 *
 * <p>Export: an OpenAPI 3.0.3 document of the current definition, with the kept document's
 * summaries, parameters, bodies, responses and components for the operations that still exist.
 * Every operation's security is a requirement of the scheme {@code meridian_oauth2} (client
 * credentials at the store's {@code /store/oauth2/token}) with its scopes, or {@code []} when it
 * needs no token.
 *
 * <p>Documents are parsed without resolving references: the master never fetches a URL that a
 * publisher's document names.
 */
package io.meridian.infrastructure.openapi;
