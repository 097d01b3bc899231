package vn.temso.trace.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The GS1 resolver description file ({@code /.well-known/gs1resolver}, GS1-Conformant resolver standard): what
 * identifies this service as a GS1-Conformant resolver to GS1 Vietnam and to Digital Link clients. The only primary
 * key is the GTIN (AI 01), link types are GS1 Web vocabulary terms, the root is the public base URL.
 */
@WebServlet(urlPatterns = "/.well-known/gs1resolver")
public class ResolverDescriptionServlet extends HttpServlet {

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    private byte[] body;

    @Override
    public void init() {
        body = JSON.createObjectBuilder()
                .add("name", "Temso – truy xuất nguồn gốc nông sản (farm-product traceability)")
                .add("resolverRoot", baseUrl.replaceAll("/+$", ""))
                .add("supportedPrimaryKeys", JSON.createArrayBuilder().add("01"))
                .add(
                        "supportedLinkType",
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("namespace", ResolverLinks.VOC)
                                        .add("prefix", "gs1:")))
                .add("linkTypeDefaultCanBeLinkset", false)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        TraceServlet.cors(resp);
        resp.setHeader("Cache-Control", "public, max-age=3600");
        resp.setContentType("application/json; charset=UTF-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        TraceServlet.cors(resp);
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.setStatus(204);
    }
}
