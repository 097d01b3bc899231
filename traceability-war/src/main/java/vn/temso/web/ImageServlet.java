package vn.temso.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.web.ConditionalGet;
import vn.temso.product.control.ImageSizes;
import vn.temso.product.control.ProductImages;

/**
 * Serves product images (public: trace pages and marketplace feeds show them) from the file store, one stable URL
 * per product and size: {@code /images/<product id>/<px>.jpg}, with the content's SHA-256 as a strong ETag (the
 * same from every instance; 304 on If-None-Match), also to HEAD. The URL of earlier versions,
 * {@code /images/<product id>}, answers a permanent redirect to the largest size, so printed and shared links keep
 * working. Anything else, an unknown size or product included, is a 404.
 */
@WebServlet(urlPatterns = "/images/*")
public class ImageServlet extends HttpServlet {

    private static final Pattern SIZED = Pattern.compile("/([0-9a-f-]{36})/([0-9]{1,5})\\.jpg");
    private static final Pattern EARLIER = Pattern.compile("/([0-9a-f-]{36})");
    private static final String CACHE = "public, max-age=3600";

    @Inject
    ProductImages images;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        Matcher sized = SIZED.matcher(path);
        if (sized.matches()) {
            serve(req, resp, images.find(sized.group(1), Integer.parseInt(sized.group(2))));
            return;
        }
        Matcher earlier = EARLIER.matcher(path);
        if (earlier.matches()
                && images.find(earlier.group(1), ImageSizes.SIZES.get(0)).isPresent()) {
            resp.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            resp.setHeader("Location", req.getContextPath() + ProductImages.url(earlier.group(1)));
            resp.setHeader("Cache-Control", CACHE);
            return;
        }
        resp.sendError(HttpServletResponse.SC_NOT_FOUND);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, Optional<StoredFile> found)
            throws IOException {
        if (found.isEmpty()) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        StoredFile file = found.get();
        String etag = "\"" + file.sha256() + "\"";
        resp.setContentType("image/jpeg");
        resp.setHeader("X-Content-Type-Options", "nosniff");
        resp.setHeader("Cache-Control", CACHE);
        resp.setHeader("ETag", etag);
        resp.setDateHeader("Last-Modified", file.created().toEpochMilli());
        if (ConditionalGet.notModified(req, etag, file.created().toEpochMilli())) {
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        resp.setContentLengthLong(file.size());
        if (!"HEAD".equals(req.getMethod())) {
            resp.getOutputStream().write(images.bytes(file));
        }
    }
}
