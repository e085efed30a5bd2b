package io.meridian.infrastructure.openapi;

import io.meridian.application.ApiDocumentation;
import io.meridian.application.ApiDocumentation.OperationDoc;
import io.meridian.application.ApiDocumentation.ParameterDoc;
import io.meridian.application.ApiDocumentation.ResponseDoc;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the documentation a developer needs out of a kept OpenAPI document. */
public final class OpenApiDocumentation {

  private OpenApiDocumentation() {}

  public static ApiDocumentation of(String document) {
    OpenAPI api = OpenApiParser.parse(document);
    List<OperationDoc> operations = new ArrayList<>();
    if (api.getPaths() != null) {
      api.getPaths()
          .forEach(
              (path, item) ->
                  item.readOperationsMap()
                      .forEach((method, op) -> operations.add(operation(path, item, method, op))));
    }
    return new ApiDocumentation(
        api.getInfo() == null ? "" : text(api.getInfo().getTitle()),
        api.getInfo() == null ? "" : text(api.getInfo().getDescription()),
        operations);
  }

  private static OperationDoc operation(
      String path, PathItem item, PathItem.HttpMethod method, Operation op) {
    List<ParameterDoc> parameters =
        Stream.concat(stream(item.getParameters()), stream(op.getParameters()))
            .filter(p -> p.getName() != null)
            .map(
                p ->
                    new ParameterDoc(
                        p.getName(),
                        text(p.getIn()),
                        Boolean.TRUE.equals(p.getRequired()),
                        text(p.getDescription())))
            .toList();
    List<String> media =
        op.getRequestBody() == null || op.getRequestBody().getContent() == null
            ? List.of()
            : List.copyOf(op.getRequestBody().getContent().keySet());
    List<ResponseDoc> responses = new ArrayList<>();
    if (op.getResponses() != null) {
      for (Map.Entry<String, io.swagger.v3.oas.models.responses.ApiResponse> r :
          op.getResponses().entrySet()) {
        responses.add(new ResponseDoc(r.getKey(), text(r.getValue().getDescription())));
      }
    }
    return new OperationDoc(
        method.name(),
        path,
        text(op.getSummary()),
        text(op.getDescription()),
        parameters,
        media,
        responses);
  }

  private static Stream<Parameter> stream(List<Parameter> parameters) {
    return parameters == null ? Stream.empty() : parameters.stream();
  }

  private static String text(String s) {
    return s == null ? "" : s.strip();
  }
}
