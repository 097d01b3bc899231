package vn.temso.trace.boundary;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.security.ClientAddress;
import vn.temso.trace.control.TraceRecord;
import vn.temso.trace.control.Traces;

/**
 * GS1 Digital Link resolver for Temso stamps: {@code /01/{gtin}/10/{lot}/21/{serial}?8030=...} (one package)
 * and {@code /01/{gtin}/10/{lot}} (the batch). HTML by default, JSON for {@code Accept: application/json}, an
 * RFC 9264 linkset for {@code linkType=linkset} or {@code Accept: application/linkset+json}.
 */
@WebServlet(urlPatterns = "/01/*")
public class TraceServlet extends HttpServlet {

    private static final Pattern PATH = Pattern.compile("/01/(\\d{14})/10/([^/]{1,60})(?:/21/([^/]{1,60}))?/?");
    private static final Jsonb JSONB = JsonbBuilder.create();
    /** No script at all; no framing (a framed trace page could be dressed up to mislead buyers). */
    static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
            + " frame-ancestors 'none'";

    @Inject
    Traces traces;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String configuredBaseUrl;

    private String baseUrl;

    private static final Pattern LOT_PART = Pattern.compile("/21/.*$|/$");
    private static final Pattern TOGGLE_DROP = Pattern.compile("(^|&)(lang|reported)=[^&]*");

    @Override
    public void init() {
        baseUrl = configuredBaseUrl.replaceAll("/+$", "");
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String rawPath = req.getRequestURI().substring(req.getContextPath().length());
        Matcher m = PATH.matcher(decodePath(rawPath));
        String query = req.getQueryString();
        boolean en = english(req, query);
        if (!m.matches()) {
            resp.setStatus(404);
            resp.setHeader("Content-Security-Policy", CSP);
            write(
                    resp,
                    "text/html",
                    TracePage.render(
                            TraceRecord.verdictOnly(TraceRecord.Verdict.NOT_FOUND, null, null, null, null),
                            en,
                            rawPath,
                            toggle(req, query, en),
                            false,
                            null,
                            baseUrl));
            return;
        }
        TraceRecord record;
        if (m.group(3) == null) {
            record = traces.lot(m.group(1), m.group(2));
        } else {
            String full = baseUrl + rawPath + (query == null ? "" : "?" + query);
            record = LinkPreviews.isPreviewer(req.getHeader("User-Agent"))
                    // a chat app making the preview of a shared stamp link is not a buyer scanning a package
                    ? traces.preview(full, m.group(1), m.group(2), m.group(3))
                    : traces.scan(full, m.group(1), m.group(2), m.group(3), traces.scanner(ClientAddress.of(req)));
        }
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Vary", "Accept, Accept-Language");
        resp.setHeader("Referrer-Policy", "no-referrer");
        if (record.verdict() == TraceRecord.Verdict.NOT_FOUND) {
            resp.setStatus(404);
        }
        String accept = req.getHeader("Accept") == null ? "" : req.getHeader("Accept");
        if ("linkset".equals(Query.param(query, "linkType")) || accept.contains("application/linkset+json")) {
            write(resp, "application/linkset+json", linkset(record, baseUrl + rawPath));
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

    /**
     * The lot's URL as issued, from the record (not from the path as typed: every percent-encoding of the same lot is
     * the same product, and the page parts cached per lot URL must not multiply with spellings).
     */
    private String lotUrl(TraceRecord r, String rawPath) {
        return r.gtin() != null && r.lot() != null
                ? baseUrl + "/01/" + r.gtin() + "/10/" + vn.temso.stamp.Gs1Value.encode(r.lot())
                : baseUrl + LOT_PART.matcher(rawPath).replaceFirst("");
    }

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

    private static String linkset(TraceRecord r, String anchor) {
        JsonObjectBuilder set = JSON.createObjectBuilder().add("anchor", anchor);
        set.add("https://gs1.org/voc/defaultLink", link(anchor, "Trang truy xuất / Trace page", "text/html"));
        set.add("https://gs1.org/voc/traceability", link(anchor, "Trace record (JSON)", "application/json"));
        if (r.product() != null) {
            set.add(
                    "https://gs1.org/voc/pip",
                    link(anchor + "?lang=en", r.product().name(), "text/html"));
            if (!r.zones().isEmpty()) {
                JsonArrayBuilder certs = JSON.createArrayBuilder();
                r.zones()
                        .forEach(z -> z.certifications()
                                .forEach(c -> certs.add(JSON.createObjectBuilder()
                                        .add("href", anchor)
                                        .add("title", z.code() + ": " + c)
                                        .add("type", "text/html"))));
                set.add("https://gs1.org/voc/certificationInfo", certs);
            }
        }
        return JSON.createObjectBuilder()
                .add("linkset", JSON.createArrayBuilder().add(set))
                .build()
                .toString();
    }

    private static JsonArrayBuilder link(String href, String title, String type) {
        return JSON.createArrayBuilder()
                .add(JSON.createObjectBuilder()
                        .add("href", href)
                        .add("title", title)
                        .add("type", type)
                        .add("hreflang", JSON.createArrayBuilder().add("vi").add("en")));
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
