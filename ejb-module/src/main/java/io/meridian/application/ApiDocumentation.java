package io.meridian.application;

import java.util.List;

/**
 * What the developer portal shows of an API's OpenAPI document: its operations with their
 * summaries, parameters, request media types and responses. Texts are as the document gives them
 * (pages show them as plain text, never as markup).
 */
public record ApiDocumentation(String title, String description, List<OperationDoc> operations) {

  public record OperationDoc(
      String method,
      String path,
      String summary,
      String description,
      List<ParameterDoc> parameters,
      List<String> requestMediaTypes,
      List<ResponseDoc> responses) {}

  public record ParameterDoc(String name, String in, boolean required, String description) {}

  public record ResponseDoc(String status, String description) {}
}
