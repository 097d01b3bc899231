package vn.temso.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.problem.Problems;

/**
 * The web container's error page (web.xml) for errors that never reach a JAX-RS exception mapper: paths the
 * container normalises out of /api ({@code /api/x/..%2F..%2Fy}), methods no servlet takes, exceptions thrown in
 * filters, {@code sendError} from Jersey. Under /api the answer is problem+json like every other API error;
 * elsewhere it is the small HTML page a visitor should see, never the container's report.
 */
@WebServlet(urlPatterns = ErrorPage.PATH)
public class ErrorPage extends HttpServlet {

    public static final String PATH = "/errors/page";
    static final String HTML_CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
    private static final Logger LOG = Logger.getLogger(ErrorPage.class.getName());

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Object code = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        String uri = (String) req.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        Throwable failure = (Throwable) req.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : 404; // opened directly: nothing here
        if (uri == null) {
            uri = req.getRequestURI();
        }
        if (status < 400) {
            status = 500;
        }
        if (viewExpired(failure) && !isApi(uri, req.getContextPath())) {
            // a form posted after the session timed out (or without the session cookie): show the page afresh
            // (web.xml cannot map it directly: the container matches the ServletException wrapping it first)
            resp.resetBuffer();
            resp.setHeader("Cache-Control", "no-store");
            resp.sendRedirect(uri);
            return;
        }
        if (failure != null && StorageFaults.isStorageFault(failure)) {
            // a Faces page, a servlet or a filter (the session lookup of a sign-in) met a database that cannot be
            // reached or written: the request was fine and nothing was kept, so 503 and "try again", never a 500
            unavailable(req, resp, uri, failure);
            return;
        }
        String instance = "urn:uuid:" + UUID.randomUUID();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "Error page " + status + " for " + uri + " " + instance, failure);
        }
        resp.resetBuffer();
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        if (isApi(uri, req.getContextPath())) {
            byte[] body = ProblemBody.json(
                            status, slug(status), title(status), detail(status, instance), List.of(), instance)
                    .getBytes(StandardCharsets.UTF_8);
            resp.setContentType("application/problem+json;charset=UTF-8");
            resp.setContentLength(body.length);
            resp.getOutputStream().write(body);
            return;
        }
        resp.setHeader("Content-Security-Policy", HTML_CSP);
        resp.setContentType("text/html;charset=UTF-8");
        byte[] body = page(status);
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private void unavailable(HttpServletRequest req, HttpServletResponse resp, String uri, Throwable failure)
            throws IOException {
        LOG.log(Level.WARNING, "Storage unavailable for " + uri + ": " + failure);
        Problems.StorageUnavailable problem = new Problems.StorageUnavailable(Problems.StorageUnavailable.DETAIL);
        resp.resetBuffer();
        resp.setStatus(problem.status());
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Retry-After", Long.toString(problem.retryAfterSeconds()));
        byte[] body;
        if (isApi(uri, req.getContextPath())) {
            body = ProblemBody.json(
                            problem.status(), problem.type(), problem.title(), problem.getMessage(), List.of(), null)
                    .getBytes(StandardCharsets.UTF_8);
            resp.setContentType("application/problem+json;charset=UTF-8");
        } else {
            resp.setHeader("Content-Security-Policy", HTML_CSP);
            resp.setContentType("text/html;charset=UTF-8");
            body = resource("/unavailable.html");
            if (body == null) {
                body = page(503);
            }
        }
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    private byte[] resource(String file) throws IOException {
        try (InputStream in = getServletContext().getResourceAsStream(file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static boolean viewExpired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.faces.application.ViewExpiredException) {
                return true;
            }
        }
        return false;
    }

    /** Under /api by the raw path or by its decoded, normalised form (either is how a client meant it). */
    static boolean isApi(String rawUri, String contextPath) {
        String raw = rawUri.startsWith(contextPath) ? rawUri.substring(contextPath.length()) : rawUri;
        if (apiPath(raw)) {
            return true;
        }
        try {
            String path = new URI(raw.replace(" ", "%20")).normalize().getPath();
            return path != null && apiPath(path);
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean apiPath(String path) {
        return path.equals("/api") || path.startsWith("/api/") || path.startsWith("/api;") || path.startsWith("/api?");
    }

    private byte[] page(int status) throws IOException {
        String file = status == 404 ? "/not-found.html" : status >= 500 ? "/error.html" : null;
        if (file != null) {
            try (InputStream in = getServletContext().getResourceAsStream(file)) {
                if (in != null) {
                    return in.readAllBytes();
                }
            }
        }
        return ("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\""
                        + " content=\"width=device-width,initial-scale=1\"><title>Temso – " + status + "</title></head>"
                        + "<body style=\"font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem\">"
                        + "<h1>Yêu cầu không hợp lệ</h1><p lang=\"en\">The request could not be handled (HTTP " + status
                        + ").</p></body></html>")
                .getBytes(StandardCharsets.UTF_8);
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Sign-in required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 413 -> "Request body too large";
            case 415 -> "Unsupported media type";
            default -> status >= 500 ? "Internal error" : "HTTP " + status;
        };
    }

    static String detail(int status, String instance) {
        return switch (status) {
            case 400 -> "The request could not be read (check the path, query and body)";
            case 404 -> "No resource at this address";
            case 405 -> "This address does not accept that HTTP method";
            case 415 -> "Send the body as application/json";
            default ->
                status >= 500
                        ? "Something went wrong on our side; quote " + instance + " when reporting it"
                        : title(status);
        };
    }
}
