package vn.temso.trace.boundary;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.temso.gs1.DigitalLink;
import vn.temso.platform.web.Html;
import vn.temso.platform.web.SharingCard;
import vn.temso.trace.control.ProductRecord;

/**
 * The public product page a QR code of {@code {base}/01/{gtin}} leads to: the product, its OCOP certificate, its
 * cooperative, its open lots (each linking to its lot's trace page) and the marketplaces where it is on sale. Like the
 * trace page: server-rendered, no script, nothing fetched from elsewhere, every stored value escaped. It identifies a
 * product, not a package: it says so, and vouches for no single package.
 */
final class ProductPage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String[]> T = Map.ofEntries(
            Map.entry("title", new String[] {"Thông tin sản phẩm", "Product information"}),
            Map.entry("intro", new String[] {
                "Mã này chỉ định danh sản phẩm, không xác thực được từng gói. Hãy quét tem QR trên bao bì.",
                "This code identifies the product only; it cannot vouch for a single package. Scan the QR stamp on"
                        + " the package."
            }),
            Map.entry("ocop", new String[] {"Sản phẩm OCOP", "OCOP product"}),
            Map.entry("decision", new String[] {"Quyết định", "Decision"}),
            Map.entry("validUntil", new String[] {"Hiệu lực đến", "Valid until"}),
            Map.entry("producer", new String[] {"Cơ sở sản xuất", "Producer"}),
            Map.entry("lots", new String[] {"Các lô đang lưu hành", "Open batches"}),
            Map.entry("noLots", new String[] {"Chưa có lô nào đang lưu hành.", "No open batch at the moment."}),
            Map.entry("lot", new String[] {"Lô", "Batch"}),
            Map.entry("harvest", new String[] {"thu hoạch", "harvested"}),
            Map.entry("retailers", new String[] {"Nơi bán trực tuyến", "Where to buy online"}),
            Map.entry("notFound", new String[] {"Không tìm thấy sản phẩm", "Product not found"}),
            Map.entry("notFound.d", new String[] {
                "Chưa có hợp tác xã nào đăng ký mã GTIN này trên Temso.",
                "No cooperative registered this GTIN on Temso."
            }),
            Map.entry("lang", new String[] {"English", "Tiếng Việt"}));

    /** Marketplaces a live listing's channel puts the product on: name and home page (a link, never fetched). */
    static final Map<String, String[]> MARKETPLACES = marketplaces();

    private static Map<String, String[]> marketplaces() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("google-xml", new String[] {"Google Shopping", "https://shopping.google.com/"});
        m.put("google-tsv", new String[] {"Google Shopping", "https://shopping.google.com/"});
        m.put("meta-csv", new String[] {"Facebook / Instagram", "https://www.facebook.com/marketplace/"});
        m.put("voso-csv", new String[] {"Voso", "https://voso.vn/"});
        m.put("postmart-csv", new String[] {"Postmart", "https://postmart.vn/"});
        return Map.copyOf(m);
    }

    private ProductPage() {}

    static byte[] render(ProductRecord p, boolean en, String langToggleHref, String baseUrl) {
        int l = en ? 1 : 0;
        StringBuilder h = new StringBuilder(4096);
        head(h, l, t("title", l) + " – " + Html.esc(p.name()));
        new SharingCard(
                        p.name(),
                        p.description() == null ? p.cooperative() : p.cooperative() + ": " + p.description(),
                        SharingCard.absolute(baseUrl, p.imageUrl()),
                        baseUrl + "/01/" + p.gtin(),
                        "product",
                        en)
                .appendTo(h);
        h.append("</head><body><main>");
        toggle(h, langToggleHref, l);
        h.append("<div class=\"v info\" role=\"status\"><h1>")
                .append(t("title", l))
                .append("</h1><p>")
                .append(t("intro", l))
                .append("</p></div>");
        h.append("<section><h2>").append(Html.esc(p.name())).append("</h2>");
        if (p.imageUrl() != null
                && p.imageUrl().startsWith("/")
                && !p.imageUrl().startsWith("//")) {
            h.append("<img src=\"")
                    .append(Html.esc(p.imageUrl()))
                    .append("\" alt=\"")
                    .append(Html.esc(p.name()))
                    .append("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
        }
        if (p.unit() != null) {
            h.append("<p><small>").append(Html.esc(p.unit())).append("</small></p>");
        }
        if (p.description() != null) {
            h.append("<p>").append(Html.esc(p.description())).append("</p>");
        }
        h.append("<p><small>GTIN ").append(Html.esc(p.gtin())).append("</small></p></section>");
        if (p.ocopStars() != null) {
            h.append("<section id=\"ocop\"><h2>")
                    .append(t("ocop", l))
                    .append("</h2><p><span class=\"stars\" aria-label=\"")
                    .append(p.ocopStars())
                    .append("\">")
                    .append("★".repeat(p.ocopStars()))
                    .append("</span></p><dl>");
            if (p.ocopDecision() != null) {
                h.append("<dt>")
                        .append(t("decision", l))
                        .append("</dt><dd>")
                        .append(Html.esc(p.ocopDecision()))
                        .append(p.ocopAuthority() == null ? "" : " · " + Html.esc(p.ocopAuthority()))
                        .append("</dd>");
            }
            h.append("<dt>")
                    .append(t("validUntil", l))
                    .append("</dt><dd>")
                    .append(p.ocopValidUntil().format(DAY))
                    .append("</dd></dl></section>");
        }
        h.append("<section><h2>")
                .append(t("producer", l))
                .append("</h2><p><strong>")
                .append(Html.esc(p.cooperative()))
                .append("</strong>");
        if (p.cooperativeAddress() != null) {
            h.append("<br>").append(Html.esc(p.cooperativeAddress()));
        }
        h.append("</p></section>");
        h.append("<section id=\"lots\"><h2>").append(t("lots", l)).append("</h2>");
        if (p.openLots().isEmpty()) {
            h.append("<p><small>").append(t("noLots", l)).append("</small></p>");
        } else {
            h.append("<ul>");
            for (ProductRecord.OpenLot lot : p.openLots()) {
                h.append("<li><a href=\"/01/")
                        .append(p.gtin())
                        .append("/10/")
                        .append(Html.esc(DigitalLink.encode(lot.lot())))
                        .append(en ? "?lang=en" : "")
                        .append("\">")
                        .append(t("lot", l))
                        .append(' ')
                        .append(Html.esc(lot.lot()))
                        .append("</a>");
                if (lot.harvestDate() != null) {
                    h.append(" <small>(")
                            .append(t("harvest", l))
                            .append(' ')
                            .append(lot.harvestDate().format(DAY))
                            .append(")</small>");
                }
                h.append("</li>");
            }
            h.append("</ul>");
        }
        h.append("</section>");
        if (!p.marketplaces().isEmpty()) {
            h.append("<section id=\"retailers\"><h2>").append(t("retailers", l)).append("</h2><ul>");
            p.marketplaces().stream()
                    .map(MARKETPLACES::get)
                    .filter(java.util.Objects::nonNull)
                    .distinct()
                    .forEach(m -> h.append("<li><a href=\"")
                            .append(Html.esc(m[1]))
                            .append("\" rel=\"noopener noreferrer\">")
                            .append(Html.esc(m[0]))
                            .append("</a></li>"));
            h.append("</ul></section>");
        }
        h.append("</main></body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A GTIN nobody registered (answered with 404). */
    static byte[] notFound(boolean en, String langToggleHref) {
        int l = en ? 1 : 0;
        StringBuilder h = new StringBuilder(1024);
        head(h, l, t("notFound", l));
        new SharingCard(t("notFound", l), t("notFound.d", l), null, null, "website", en).appendTo(h);
        h.append("</head><body><main>");
        toggle(h, langToggleHref, l);
        h.append("<div class=\"v bad\" role=\"status\"><h1>")
                .append(t("notFound", l))
                .append("</h1><p>")
                .append(t("notFound.d", l))
                .append("</p></div></main></body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A short answer to a request the resolver refuses (400) or cannot follow (404): a headline and why. */
    static byte[] message(String headline, String detail) {
        StringBuilder h = new StringBuilder(1024);
        head(h, 0, Html.esc(headline));
        h.append("</head><body><main><div class=\"v bad\" role=\"alert\"><h1>")
                .append(Html.esc(headline))
                .append("</h1><p>")
                .append(Html.esc(detail))
                .append("</p></div></main></body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void head(StringBuilder h, int l, String escapedTitle) {
        h.append("<!DOCTYPE html><html lang=\"")
                .append(l == 1 ? "en" : "vi")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<title>")
                .append(escapedTitle)
                .append("</title><style>")
                .append(TracePage.CSS)
                .append("</style>");
    }

    private static void toggle(StringBuilder h, String href, int l) {
        if (href != null) {
            h.append("<p><small><a href=\"")
                    .append(Html.esc(href))
                    .append("\">")
                    .append(t("lang", l))
                    .append("</a></small></p>");
        }
    }

    private static String t(String key, int l) {
        String[] v = T.get(key);
        return v == null ? Html.esc(key) : Html.esc(v[l]);
    }
}
