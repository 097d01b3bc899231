package vn.temso.listing.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;
import vn.temso.listing.control.AreaScope;
import vn.temso.listing.control.Feeds;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.web.ConditionalGet;

/**
 * Public feed files: {@code GET /feeds/{cooperativeId}/{channel}.{ext}}, e.g. {@code /feeds/<uuid>/google-xml.xml}.
 * No sign-in (marketplaces fetch them); the cooperative id is a random UUID, so the URL is not guessable. Only
 * names built from the channel list are served, never the publisher's side files. The commune and province feeds are
 * {@code /feeds/province/{channel}.{ext}} and {@code /feeds/commune/{slug}/{channel}.{ext}} (see {@link AreaScope}):
 * a slug of the wrong shape is not looked up, an unknown one is a 404 like any feed not (yet) published. Served from the last published
 * file in the file store (any instance serves it) with a strong ETag and Last-Modified (304 on If-None-Match /
 * If-Modified-Since) and gzip when accepted.
 */
@WebServlet(urlPatterns = "/feeds/*")
public class FeedServlet extends HttpServlet {

    @Inject
    FileStore files;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String[] parts =
                req.getPathInfo() == null ? new String[0] : req.getPathInfo().split("/");
        String key = AreaScope.key(parts);
        if (key == null) {
            key = parts.length == 3 && parts[0].isEmpty() ? Feeds.key(parts[1], parts[2]) : null;
        }
        StoredFile file = key == null ? null : files.find(key).orElse(null);
        if (file == null) {
            resp.sendError(
                    HttpServletResponse.SC_NOT_FOUND,
                    "No such feed (yet): feeds are generated a few seconds after" + " the first product is listed");
            return;
        }
        boolean gzip = acceptsGzip(req.getHeader("Accept-Encoding"));
        long modified = file.created().toEpochMilli();
        // the representation differs when gzipped, so its entity tag does too
        String etag =
                "\"" + Long.toHexString(file.size()) + "-" + Long.toHexString(modified) + (gzip ? "-gz" : "") + "\"";
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", modified);
        resp.setHeader("Vary", "Accept-Encoding");
        resp.setHeader("Cache-Control", "public, max-age=60");
        resp.setContentType(Feeds.contentType(parts[parts.length - 1]));
        if (notModified(req, etag, modified)) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if ("HEAD".equals(req.getMethod())) {
            return;
        }
        try {
            if (gzip) {
                resp.setHeader("Content-Encoding", "gzip");
                try (OutputStream out = new GZIPOutputStream(resp.getOutputStream(), 64 * 1024)) {
                    files.copy(file, out);
                }
            } else {
                resp.setContentLengthLong(file.size());
                files.copy(file, resp.getOutputStream());
            }
        } catch (IOException e) {
            // replaced and swept while being read (an hour after the replacement): the client sees a cut response
            if (!resp.isCommitted()) {
                resp.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                throw e;
            }
        }
    }

    static boolean notModified(HttpServletRequest req, String etag, long modified) {
        return ConditionalGet.notModified(req, etag, modified);
    }

    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] p = part.strip().split(";");
            if (p[0].strip().equals("gzip")) {
                for (int i = 1; i < p.length; i++) {
                    String param = p[i].strip().replace(" ", "");
                    if (param.startsWith("q=") && param.substring(2).matches("0(\\.0*)?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }
}
