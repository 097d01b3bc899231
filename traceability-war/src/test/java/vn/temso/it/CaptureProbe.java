package vn.temso.it;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import vn.temso.platform.persistence.ChangeSignal;

/**
 * Added to the test deployment only (never in the built WAR): {@code GET} answers the cluster's change-signal counter
 * (what every other instance polls to drop its cached trace pages), so a scenario can see a partner's capture move it.
 */
@WebServlet(urlPatterns = "/it/change-signal")
public class CaptureProbe extends HttpServlet {

    @Inject
    ChangeSignal changes;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/plain");
        resp.getOutputStream().write(Long.toString(changes.read()).getBytes(StandardCharsets.US_ASCII));
    }
}
