package vn.temso.trace.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.temso.stamping.control.StampKeys;

/** The public keys that verify Temso stamps, for offline verifiers (see docs/stamp-format.md). */
@WebServlet(urlPatterns = "/.well-known/jwks.json")
public class JwksServlet extends HttpServlet {

    @Inject
    StampKeys keys;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        byte[] body = keys.jwksJson().getBytes(StandardCharsets.UTF_8);
        resp.setContentType("application/jwk-set+json; charset=UTF-8");
        // short enough that a revocation reaches verifiers within minutes
        resp.setHeader("Cache-Control", "public, max-age=300");
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }
}
