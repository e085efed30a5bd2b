import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The floor of the benchmark: a servlet that answers every request with a fixed 1 KiB body and
 * does nothing else, deployed on the same Payara Micro as the gateway. It measures what the
 * platform itself costs per request on one core.
 */
@WebServlet("/*")
public class BareServlet extends HttpServlet {

  private static final byte[] BODY = new byte[1024];

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    response.setContentType("application/json");
    response.setContentLength(BODY.length);
    response.getOutputStream().write(BODY);
  }
}
