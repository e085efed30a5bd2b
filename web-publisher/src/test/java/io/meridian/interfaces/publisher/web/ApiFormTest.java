package io.meridian.interfaces.publisher.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.meridian.interfaces.publisher.rest.ApiRequest;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiFormTest {

  @Test
  void turnsTheFormsTextFieldsIntoTheRestRequest() {
    ApiForm form = ApiForm.blank();
    form.setName("Pizza");
    form.setContext("/pizza");
    form.setVersion("v1");
    form.setTags(" food , , fast ");
    form.setEndpointUrls("http://a:1\n  http://b:2 \n");
    form.setTimeoutMillis(500);
    ApiForm.OperationRow op = form.getOperations().get(0);
    op.setMethod("POST");
    op.setUriTemplate("/orders");
    op.setScopes(" orders:write  orders:read ");
    ApiForm.OverrideRow dc = new ApiForm.OverrideRow();
    dc.setDatacenter(" dc-ro1 ");
    dc.setUrls("http://c:3");
    form.getOverrides().add(dc);
    form.getOverrides().add(new ApiForm.OverrideRow()); // left empty: ignored

    ApiRequest r = form.toRequest(null);

    assertEquals(List.of("food", "fast"), r.tags());
    assertEquals(List.of("http://a:1", "http://b:2"), r.endpoints().production().urls());
    assertEquals(500, r.endpoints().production().timeoutMillis());
    assertEquals(List.of("http://c:3"), r.endpoints().datacenters().get("dc-ro1").urls());
    assertEquals(1, r.endpoints().datacenters().size());
    assertEquals(List.of("orders:write", "orders:read"), r.operations().get(0).scopes());
    assertEquals("POST", r.operations().get(0).method());
    assertNull(r.cors());
  }

  @Test
  void anEmptyBackendIsLeftForTheDomainToRefuse() {
    ApiForm form = ApiForm.blank();
    assertNull(form.toRequest(null).endpoints().production());
  }
}
