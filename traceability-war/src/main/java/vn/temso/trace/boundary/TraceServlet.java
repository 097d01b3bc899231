package vn.temso.trace.boundary;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.gs1.DigitalLink;
import vn.temso.gs1.DigitalLinkException;
import vn.temso.platform.problem.ProblemBody;
import vn.temso.platform.security.ClientAddress;
import vn.temso.trace.control.ProductRecord;
import vn.temso.trace.control.ProductRecords;
import vn.temso.trace.control.TraceRecord;
import vn.temso.trace.control.Traces;

/**
 * Temso's GS1-Conformant resolver (GS1 Digital Link) and its public pages.
 *
 * <p>{@code /01/{gtin}[/22/{cpv}][/10/{lot}][/21/{serial}]}: a stamp URL (a serial with its signature in AI 8030) is
 * answered here, with its verdict page, exactly as before: it is never redirected or walked up, so a forged or unknown
 * stamp can only ever show its verdict. Every other key path is resolved: the product or the lot answers with its
 * linkset ({@code ?linkType=linkset}, {@code all}, {@code Accept: application/linkset+json}), its JSON record
 * ({@code Accept: application/json}), a 307 to the link of the {@code linkType} asked for (404 when there is none),
 * else a 307 to its default link, the public page. A lot or serial this service does not know walks up the tree
 * (307 to the lot, else to the product); a GTIN nobody registered is 404; a path that is not a conformant Digital Link
 * URI is 400. GET, HEAD and OPTIONS, with CORS.
 *
 * <p>{@code /page/01/{gtin}} and {@code /page/01/{gtin}/10/{lot}}: the product page and the lot's trace page, what
 * the default links point at (HTML only).
 */
@WebServlet(urlPatterns = {"/01/*", "/page/*"})
public class TraceServlet extends HttpServlet {

    /** A stamp URL as the verifier has always been given it (the signature decides; this only routes). */
    private static final Pattern STAMP = Pattern.compile("/01/(\\d{14})/10/([^/]{1,60})/21/([^/]{1,60})/?");

    private static final Jsonb JSONB = JsonbBuilder.create();
    /** No script at all; no framing (a framed trace page could be dressed up to mislead buyers). */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    static final String PAGES = "/page";

    /** What a HEAD answer's body is written to. */
    private static final jakarta.servlet.ServletOutputStream NO_BODY = new jakarta.servlet.ServletOutputStream() {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(jakarta.servlet.WriteListener listener) {
            // writes never block
        }

        @Override
        public void write(int b) {
            // discarded
        }

        @Override
        public void write(byte[] b, int off, int len) {
            // discarded
        }
    };

    @Inject
    Traces traces;

    @Inject
    ProductRecords products;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String configuredBaseUrl;

    private String baseUrl;

    private static final Pattern TOGGLE_DROP = Pattern.compile("(^|&)(lang|reported)=[^&]*");

    @Override
    public void init() {
        baseUrl = configuredBaseUrl.replaceAll("/+$", "");
    }

    @Override
    protected void doOptions(HttpServletRequest req, HttpServletResponse resp) {
        cors(resp);
        resp.setHeader("Allow", "GET, HEAD, OPTIONS");
        resp.setHeader("Access-Control-Max-Age", "86400");
        if (!PAGES.equals(req.getServletPath())) {
            try {
                DigitalLink link = DigitalLink.parse(path(req));
                resp.setHeader("Link", linksetLink(baseUrl + link.keyPath()));
            } catch (DigitalLinkException e) {
                // the preflight of a bad URI says what may be asked; the request itself gets the 400
            }
        }
        resp.setStatus(204);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        // doGet, headers and length as for GET, no body; a stamp asked for with HEAD is not counted as a scan
        doGet(req, new jakarta.servlet.http.HttpServletResponseWrapper(resp) {
            @Override
            public jakarta.servlet.ServletOutputStream getOutputStream() {
                return NO_BODY;
            }
        });
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rawPath = path(req);
        String query = req.getQueryString();
        boolean en = english(req, query);
        if (PAGES.equals(req.getServletPath())) {
            page(req, resp, rawPath, query, en);
            return;
        }
        cors(resp);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Vary", "Accept, Accept-Language");
        if (Query.param(query, "8030") != null) {
            DigitalLink item = parsedOrNull(rawPath);
            Matcher m = STAMP.matcher(decodePath(rawPath));
            // a signature: the verdict page, whatever the path (one that is no stamp of ours is not genuine)
            if (item != null && item.lot() != null && item.serial() != null) {
                stamp(req, resp, rawPath, query, en, new String[] {item.gtin(), item.lot(), item.serial()});
                return;
            } else if (m.matches()) {
                stamp(req, resp, rawPath, query, en, new String[] {m.group(1), m.group(2), m.group(3)});
                return;
            } else if (rawPath.contains("/21/")) {
                stamp(req, resp, rawPath, query, en, null);
                return;
            }
        }
        DigitalLink link;
        try {
            link = DigitalLink.parse(rawPath);
        } catch (DigitalLinkException e) {
            badRequest(req, resp, e);
            return;
        }
        resolve(req, resp, link, query, en);
    }

    /** The request path after the context path, as sent (still percent-encoded). */
    private static String path(HttpServletRequest req) {
        return req.getRequestURI().substring(req.getContextPath().length());
    }

    /**
     * A signed stamp: its verdict, as always (a scan, or a preview for link-preview crawlers and HEAD); {@code key}
     * (GTIN, lot, serial as read from the path) null for a signed path that is not a stamp path: not genuine.
     */
    private void stamp(
            HttpServletRequest req, HttpServletResponse resp, String rawPath, String query, boolean en, String[] key)
            throws IOException {
        String full = baseUrl + rawPath + (query == null ? "" : "?" + query);
        TraceRecord record = key == null
                ? TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_GENUINE, "MALFORMED", null, null, null)
                : LinkPreviews.isPreviewer(req.getHeader("User-Agent")) || "HEAD".equals(req.getMethod())
                        // a chat app making the preview of a shared stamp link is not a buyer scanning a package
                        ? traces.preview(full, key[0], key[1], key[2])
                        : traces.scan(full, key[0], key[1], key[2], traces.scanner(ClientAddress.of(req)));
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (record.verdict() == TraceRecord.Verdict.NOT_FOUND) {
            resp.setStatus(404);
        }
        DigitalLink item = parsedOrNull(rawPath);
        // the stamp's own URL, rebuilt from its parsed parts (never the request's bytes in a header)
        String self = item == null
                ? null
                : baseUrl + item.keyPath() + "?8030="
                        + java.net.URLEncoder.encode(Query.param(query, "8030"), StandardCharsets.UTF_8);
        if (self != null) {
            resp.setHeader("Link", linksetLink(self));
        }
        String accept = accept(req);
        if ("linkset".equals(Query.param(query, "linkType")) || accept.contains("application/linkset+json")) {
            if (item == null) {
                badRequest(req, resp, new DigitalLinkException(DigitalLinkException.Problem.BAD_VALUE, "bad stamp"));
                return;
            }
            resp.setHeader("Link", contextLink() + ", " + linksetLink(self));
            String title = TracePage.verdictTitle(record.verdict(), en);
            write(
                    resp,
                    "application/linkset+json",
                    ResolverLinks.stamp(baseUrl, item, self, record, title).linkset());
        } else if (accept.contains("application/json") && !accept.contains("text/html")) {
            write(resp, "application/json", JSONB.toJson(record));
        } else {
            resp.setHeader("Content-Security-Policy", CSP);
            write(
                    resp,
                    "text/html",
                    TracePage.render(
                            record,
                            en,
                            rawPath,
                            toggle(req, query, en),
                            Query.param(query, "reported") != null,
                            lotUrl(record, rawPath), // the lot's URL: the product of every package
                            baseUrl));
        }
    }

    private static DigitalLink parsedOrNull(String rawPath) {
        try {
            return DigitalLink.parse(rawPath);
        } catch (DigitalLinkException e) {
            return null;
        }
    }

    /** Any key path but a signed stamp's: the product or the lot, after walking up to what exists. */
    private void resolve(HttpServletRequest req, HttpServletResponse resp, DigitalLink link, String query, boolean en)
            throws IOException {
        Optional<ProductRecord> product = products.product(link);
        if (link.serial() != null || link.cpv() != null) {
            // an unsigned serial proves nothing about a package, and variants are not recorded: the lot, or the product
            DigitalLink up = link.lot() != null && products.lotExists(link.batch()) ? link.batch() : link.product();
            walkUp(req, resp, up, product.isPresent() || !up.equals(link.product()), query, en);
            return;
        }
        TraceRecord lot = null;
        if (link.lot() != null) {
            lot = traces.lot(link.gtin(), link.lot());
            if (lot.verdict() == TraceRecord.Verdict.NOT_FOUND) {
                if (product.isEmpty()) {
                    notFound(req, resp, en, link.lot()); // "batch not found": neither the lot nor its GTIN is known
                } else {
                    walkUp(req, resp, link.product(), true, query, en);
                }
                return;
            }
        } else if (product.isEmpty()) {
            notFound(req, resp, en, null);
            return;
        }
        ResolverLinks links = lot == null
                ? ResolverLinks.product(baseUrl, product.get())
                : ResolverLinks.lot(baseUrl, link, lot, product.orElse(null));
        if (answer(req, resp, links, lot == null ? product.get() : lot, query)) {
            html(req, resp, link, lot, product.orElse(null), query, en);
        }
    }

    /** 307 to a less specific key path that exists, the query passed on; 404 when not even the product exists. */
    private void walkUp(
            HttpServletRequest req, HttpServletResponse resp, DigitalLink up, boolean exists, String query, boolean en)
            throws IOException {
        if (!exists) {
            notFound(req, resp, en, up.lot());
            return;
        }
        String target = baseUrl + up.keyPath();
        resp.setHeader("Link", linksetLink(target));
        redirect(resp, target + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** Answers from the entity's links; true when the caller is to serve the page itself (a browser's request). */
    private boolean answer(
            HttpServletRequest req, HttpServletResponse resp, ResolverLinks links, Object record, String query)
            throws IOException {
        String linkType = Query.param(query, "linkType");
        String accept = accept(req);
        resp.setHeader("Link", linksetLink(links.anchor()));
        if ("linkset".equals(linkType)
                || "all".equals(linkType)
                || (linkType == null && accept.contains("application/linkset+json"))) {
            resp.setHeader("Link", contextLink() + ", " + linksetLink(links.anchor()));
            write(resp, "application/linkset+json", links.linkset());
            return false;
        }
        if (linkType != null) {
            String type = ResolverLinks.linkType(linkType);
            ResolverLinks.Link k = type == null
                    ? null
                    : links.pick(
                            type,
                            accept,
                            ResolverLinks.languages(Query.param(query, "lang"), req.getHeader("Accept-Language")));
            if (k == null) {
                noSuchLink(req, resp, linkType);
            } else {
                redirect(resp, ResolverLinks.passOn(k.href(), query));
            }
            return false;
        }
        if (accept.contains("application/json") && !accept.contains("text/html")) {
            write(resp, "application/json", JSONB.toJson(record));
            return false;
        }
        if (accept.contains("text/html")) {
            return true; // a browser (a phone that scanned the code): the default link's page itself, one round trip
            // less
        }
        ResolverLinks.Link home = links.pick("defaultLink", null, List.of());
        redirect(resp, ResolverLinks.passOn(home.href(), query));
        return false;
    }

    /** The public pages the default links lead to: the product page and the lot's trace page. */
    private void page(HttpServletRequest req, HttpServletResponse resp, String rawPath, String query, boolean en)
            throws IOException {
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Vary", "Accept-Language");
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Content-Security-Policy", CSP);
        DigitalLink link = parsedOrNull(rawPath.substring(PAGES.length()));
        if (link == null || link.serial() != null || link.cpv() != null) {
            resp.setStatus(404);
            write(resp, "text/html", ProductPage.notFound(en, toggle(req, query, en)));
            return;
        }
        if (link.lot() == null) {
            Optional<ProductRecord> p = products.product(link);
            if (p.isEmpty()) {
                resp.setStatus(404);
                write(resp, "text/html", ProductPage.notFound(en, toggle(req, query, en)));
                return;
            }
            html(req, resp, link, null, p.get(), query, en);
            return;
        }
        TraceRecord record = traces.lot(link.gtin(), link.lot());
        if (record.verdict() == TraceRecord.Verdict.NOT_FOUND) {
            resp.setStatus(404);
        }
        html(req, resp, link, record, null, query, en);
    }

    /** The product page ({@code lot} null) or the lot's trace page, with the link to the entity's linkset. */
    private void html(
            HttpServletRequest req,
            HttpServletResponse resp,
            DigitalLink link,
            TraceRecord lot,
            ProductRecord product,
            String query,
            boolean en)
            throws IOException {
        resp.setHeader("Content-Security-Policy", CSP);
        resp.setHeader("Referrer-Policy", "no-referrer");
        resp.setHeader("Link", linksetLink(baseUrl + (lot == null ? link.product() : link.batch()).keyPath()));
        if (lot == null) {
            write(resp, "text/html", ProductPage.render(product, en, toggle(req, query, en), baseUrl));
        } else {
            write(
                    resp,
                    "text/html",
                    TracePage.render(
                            lot,
                            en,
                            path(req),
                            toggle(req, query, en),
                            false,
                            lotUrl(lot, link.batch().keyPath()),
                            baseUrl));
        }
    }

    private void notFound(HttpServletRequest req, HttpServletResponse resp, boolean en, String lot) throws IOException {
        resp.setStatus(404);
        String accept = accept(req);
        if (wantsJson(accept)) {
            write(
                    resp,
                    "application/problem+json",
                    ProblemBody.json(
                            404,
                            "not-found",
                            "Not found",
                            "No cooperative registered this GTIN on this resolver.",
                            List.of(),
                            null));
            return;
        }
        resp.setHeader("Content-Security-Policy", CSP);
        String query = req.getQueryString();
        write(
                resp,
                "text/html",
                lot == null
                        ? ProductPage.notFound(en, toggle(req, query, en))
                        : TracePage.render(
                                TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_FOUND, null, null, null, null),
                                en,
                                path(req),
                                toggle(req, query, en),
                                false,
                                null,
                                baseUrl));
    }

    private void noSuchLink(HttpServletRequest req, HttpServletResponse resp, String linkType) throws IOException {
        resp.setStatus(404);
        String detail = "There is no link of type " + linkType + " for this identifier.";
        if (wantsJson(accept(req))) {
            write(
                    resp,
                    "application/problem+json",
                    ProblemBody.json(404, "gs1/no-such-link", "No link of this type", detail, List.of(), null));
        } else {
            resp.setHeader("Content-Security-Policy", CSP);
            write(resp, "text/html", ProductPage.message("Không có liên kết loại này / No link of this type", detail));
        }
    }

    private static void badRequest(HttpServletRequest req, HttpServletResponse resp, DigitalLinkException e)
            throws IOException {
        resp.setStatus(400);
        String detail = e.getMessage();
        if (wantsJson(accept(req))) {
            write(
                    resp,
                    "application/problem+json",
                    ProblemBody.json(
                            400,
                            "gs1/invalid-digital-link",
                            "Not a conformant GS1 Digital Link URI",
                            detail,
                            List.of(),
                            null));
        } else {
            resp.setHeader("Content-Security-Policy", CSP);
            write(
                    resp,
                    "text/html",
                    ProductPage.message(
                            "Đường dẫn không hợp lệ / Invalid link",
                            "Đây không phải một đường dẫn GS1 Digital Link hợp lệ. / This is not a valid GS1 Digital"
                                    + " Link URI: " + detail));
        }
    }

    private static boolean wantsJson(String accept) {
        return accept.contains("json") && !accept.contains("text/html");
    }

    private static String accept(HttpServletRequest req) {
        String a = req.getHeader("Accept");
        return a == null ? "" : a;
    }

    /** CORS for GS1 Digital Link clients on other origins (the resolver answers the same to everyone). */
    static void cors(HttpServletResponse resp) {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        resp.setHeader("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
        resp.setHeader("Access-Control-Allow-Headers", "Accept, Accept-Language, Content-Type");
        resp.setHeader("Access-Control-Expose-Headers", "Link, Location, Content-Type, Vary");
    }

    private static void redirect(HttpServletResponse resp, String location) {
        resp.setStatus(307);
        resp.setHeader("Location", location);
        resp.setContentLength(0);
    }

    /** Where the linkset of an entity is: its URI with {@code linkType=linkset}. */
    private static String linksetLink(String uri) {
        return "<" + uri + (uri.indexOf('?') < 0 ? "?" : "&") + "linkType=linkset>; rel=\"linkset\";"
                + " type=\"application/linkset+json\"";
    }

    private static String contextLink() {
        return "<" + ResolverLinks.CONTEXT + ">; rel=\"http://www.w3.org/ns/json-ld#context\";"
                + " type=\"application/ld+json\"";
    }

    /**
     * The lot's URL as issued, from the record (not from the path as typed: every percent-encoding of the same lot is
     * the same product, and the page parts cached per lot URL must not multiply with spellings).
     */
    private String lotUrl(TraceRecord r, String rawPath) {
        return r.gtin() != null && r.lot() != null
                ? baseUrl + "/01/" + r.gtin() + "/10/" + vn.temso.stamp.Gs1Value.encode(r.lot())
                : baseUrl + LOT_PART.matcher(rawPath).replaceFirst("");
    }

    private static final Pattern LOT_PART = Pattern.compile("/21/.*$|/$");

    /** Percent-decoding of GS1 values in the path (lot and serial may contain %2F etc.). */
    static String decodePath(String raw) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw; // the usual stamp path: nothing to decode
        }
        try {
            return java.net.URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    static boolean english(HttpServletRequest req, String query) {
        String lang = Query.param(query, "lang");
        if (lang != null) {
            return lang.toLowerCase(Locale.ROOT).startsWith("en");
        }
        String al = req.getHeader("Accept-Language");
        return al != null && al.trim().toLowerCase(Locale.ROOT).startsWith("en");
    }

    private static String toggle(HttpServletRequest req, String query, boolean en) {
        String q = query == null
                ? ""
                : query.contains("lang=") || query.contains("reported=")
                        ? TOGGLE_DROP.matcher(query).replaceAll("")
                        : query;
        if (q.startsWith("&")) {
            q = q.substring(1);
        }
        return req.getRequestURI() + "?" + (q.isEmpty() ? "" : q + "&") + "lang=" + (en ? "vi" : "en");
    }

    private static void write(HttpServletResponse resp, String type, String body) throws IOException {
        write(resp, type, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(HttpServletResponse resp, String type, byte[] bytes) throws IOException {
        resp.setContentType(type + "; charset=UTF-8");
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }
}
