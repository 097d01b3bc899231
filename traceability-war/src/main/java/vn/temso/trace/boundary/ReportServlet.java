package vn.temso.trace.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.ClientAddress;
import vn.temso.platform.web.Html;
import vn.temso.trace.control.BuyerReports;
import vn.temso.trace.control.Traces;
import vn.temso.trace.entity.BuyerReport;

/**
 * Receives the report form of the trace page (works without JavaScript): stores the report, then redirects
 * back to the stamp's page with a thank-you (POST-redirect-GET).
 */
@WebServlet(urlPatterns = "/report")
public class ReportServlet extends HttpServlet {

    @Inject
    Traces traces;

    @Inject
    BuyerReports reports;

    @Override
    public void init() {}

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8");
        resp.setHeader("Content-Security-Policy", TraceServlet.CSP);
        String stamp = req.getParameter("stamp");
        boolean en = "en".equals(req.getParameter("lang"));
        try {
            if (stamp == null || stamp.length() > 500) {
                throw new Problems.ValidationFailed("stamp", "Missing stamp");
            }
            BuyerReport.Kind kind = "FEEDBACK".equals(req.getParameter("kind"))
                    ? BuyerReport.Kind.FEEDBACK
                    : BuyerReport.Kind.SUSPECTED_FAKE;
            String r = req.getParameter("rating");
            Integer rating = r == null || r.isBlank() ? null : parse(r);
            reports.report(
                    stamp,
                    kind,
                    rating,
                    vn.temso.platform.text.Texts.nfc(req.getParameter("message")),
                    traces.reporterHash(ClientAddress.of(req)));
            URI u = URI.create(stamp);
            resp.setStatus(303);
            resp.setHeader(
                    "Location", u.getRawPath() + "?" + u.getRawQuery() + "&reported=1&lang=" + (en ? "en" : "vi"));
        } catch (ProblemException e) {
            resp.setStatus(e.status());
            if (e instanceof Problems.TooManyRequests t) {
                resp.setHeader("Retry-After", String.valueOf(t.retryAfterSeconds()));
            }
            resp.setContentType("text/html; charset=UTF-8");
            String msg = e.status() == 429
                    ? (en
                            ? "Too many reports from this device; please try again later."
                            : "Bạn đã gửi quá nhiều báo cáo; vui lòng thử lại sau.")
                    : (en ? "The report could not be accepted: " : "Không nhận được báo cáo: ")
                            + Html.esc(e.getMessage());
            resp.getOutputStream()
                    .write(("<!DOCTYPE html><html lang=\"" + (en ? "en" : "vi") + "\"><meta charset=\"utf-8\">"
                                    + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>Temso</title><p>"
                                    + msg
                                    + "</p></html>")
                            .getBytes(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            resp.sendError(400);
        }
    }

    private static Integer parse(String r) {
        try {
            return Integer.valueOf(r.trim());
        } catch (NumberFormatException e) {
            throw new Problems.ValidationFailed("rating", "rating is 1 to 5");
        }
    }
}
