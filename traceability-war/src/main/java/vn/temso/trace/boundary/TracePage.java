package vn.temso.trace.boundary;

import com.github.benmanes.caffeine.cache.Cache;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import vn.temso.epcis.control.CustodyStep;
import vn.temso.epcis.control.Journey;
import vn.temso.platform.cache.Bounded;
import vn.temso.platform.time.FarmTime;
import vn.temso.platform.web.Html;
import vn.temso.platform.web.SharingCard;
import vn.temso.trace.control.TraceRecord;
import vn.temso.zone.entity.ZoneGeometry;

/**
 * The public trace page: server-rendered, inline CSS, no scripts, fonts or outside requests, readable at
 * 360 px and well under 30 KB. Vietnamese first, English on request. Every user-entered value is escaped.
 */
final class TracePage {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private static final Map<String, String[]> T = Map.ofEntries(
            Map.entry("title", new String[] {"Truy xuất nguồn gốc", "Product trace"}),
            Map.entry("GENUINE", new String[] {"Tem chính hãng", "Genuine stamp"}),
            Map.entry("GENUINE.d", new String[] {
                "Chữ ký số của tem hợp lệ và tem đã được Temso cấp cho lô hàng này.",
                "The stamp's digital signature is valid and Temso issued it for this batch."
            }),
            Map.entry("NOT_GENUINE", new String[] {"Tem không chính hãng", "Not a genuine stamp"}),
            Map.entry("VOIDED", new String[] {"Tem đã bị hủy", "This stamp was voided"}),
            Map.entry("RECALLED", new String[] {"Lô hàng đã bị thu hồi", "This batch has been recalled"}),
            Map.entry(
                    "SUSPICIOUS",
                    new String[] {"Cảnh báo: tem có thể bị sao chép", "Warning: this stamp may be a copy"}),
            Map.entry("SUSPICIOUS.many", new String[] {
                "Tem này đã được quét ở nhiều nơi khác nhau trong nhiều ngày, trong khi mỗi tem thật chỉ dán trên một gói hàng. Nếu bao bì của bạn còn nguyên niêm phong, đây có thể là tem sao chép.",
                "This stamp was scanned in many different places over several days, while a genuine stamp is on one package only. If your package was sealed, it may be a copy."
            }),
            Map.entry("SUSPICIOUS.late", new String[] {
                "Tem này vẫn được quét ở những nơi mới rất lâu sau lần quét đầu, khi gói hàng thật lẽ ra đã được bán và dùng hết. Nếu bao bì của bạn còn nguyên niêm phong, đây có thể là tem sao chép.",
                "This stamp is still being scanned in new places long after its first scan, when the genuine package should have been sold and used. If your package was sealed, it may be a copy."
            }),
            Map.entry("LOT_ONLY", new String[] {"Thông tin lô hàng", "Batch record"}),
            Map.entry("LOT_ONLY.d", new String[] {
                "Mã này chỉ định danh lô hàng, không xác thực được từng gói sản phẩm. Hãy quét tem QR trên bao bì.",
                "This code identifies the batch only; it cannot vouch for a single package. Scan the QR stamp on the package."
            }),
            Map.entry("NOT_FOUND", new String[] {"Không tìm thấy lô hàng", "Batch not found"}),
            Map.entry("BAD_SIGNATURE", new String[] {
                "Chữ ký số không khớp: tem bị làm giả hoặc bị sửa.",
                "The digital signature does not match: the stamp is forged or altered."
            }),
            Map.entry("UNKNOWN_KEY", new String[] {
                "Tem được ký bằng khóa không rõ nguồn gốc.", "The stamp was signed with an unknown key."
            }),
            Map.entry("KEY_REVOKED", new String[] {
                "Khóa ký của tem đã bị thu hồi vì lý do an ninh.", "The stamp's signing key has been revoked."
            }),
            Map.entry("MALFORMED", new String[] {"Mã tem không đúng định dạng.", "The stamp code is malformed."}),
            Map.entry(
                    "UNKNOWN_SERIAL",
                    new String[] {"Số sê-ri này chưa từng được cấp.", "This serial number was never issued."}),
            Map.entry("product", new String[] {"Sản phẩm", "Product"}),
            Map.entry("producer", new String[] {"Cơ sở sản xuất", "Producer"}),
            Map.entry("code", new String[] {"Mã truy xuất", "Trace code"}),
            Map.entry("harvest", new String[] {"Ngày thu hoạch", "Harvest date"}),
            Map.entry("expiry", new String[] {"Hạn sử dụng", "Best before"}),
            Map.entry("stages", new String[] {"Các công đoạn sản xuất", "Production stages"}),
            Map.entry("zone", new String[] {"Vùng trồng", "Growing zone"}),
            Map.entry("area", new String[] {"Diện tích khai báo / đo trên bản đồ", "Declared / mapped area"}),
            Map.entry("certs", new String[] {"Tiêu chuẩn, chứng nhận", "Standards and certificates"}),
            Map.entry("ocop", new String[] {"Sản phẩm OCOP", "OCOP product"}),
            Map.entry("report", new String[] {"Báo tem giả hoặc góp ý", "Report a fake or leave feedback"}),
            Map.entry("kind.fake", new String[] {"Nghi ngờ hàng giả", "Suspected fake"}),
            Map.entry("kind.feedback", new String[] {"Góp ý", "Feedback"}),
            Map.entry("rating", new String[] {"Đánh giá (1-5)", "Rating (1-5)"}),
            Map.entry("message", new String[] {"Nội dung", "Message"}),
            Map.entry("send", new String[] {"Gửi", "Send"}),
            Map.entry("thanks", new String[] {
                "Cảm ơn bạn, ý kiến đã được gửi tới cơ sở sản xuất.",
                "Thank you: your message was sent to the producer."
            }),
            Map.entry("warn", new String[] {"Cảnh báo nhật ký", "Diary warning"}),
            Map.entry("lang", new String[] {"English", "Tiếng Việt"}));

    /** Diary event types ({@code enum.EventType.SOWING}...) as the UI's message bundles name them: Vietnamese, English. */
    private static final Map<String, String[]> EVENT_TYPES = bundle("enum.EventType.");

    /** The origin and journey section's words ({@code journey.*} of the UI's message bundles): Vietnamese, English. */
    private static final Map<String, String[]> JOURNEY = bundle("journey.");

    static final String CSS = "body{margin:0;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
            + "color:#1b1f1d;background:#f4f6f4}main{max-width:40rem;margin:0 auto;padding:.75rem}"
            + ".v{border-radius:.6rem;padding:.9rem 1rem;margin:.5rem 0 1rem;color:#fff}.v h1{margin:0;font-size:1.3rem}"
            + ".v p{margin:.3rem 0 0}.ok{background:#1e7b3c}.bad{background:#b3261e}.warn{background:#a35a00}.info{background:#3b5b7a}"
            + "section{background:#fff;border-radius:.6rem;padding:.75rem 1rem;margin:0 0 .8rem;box-shadow:0 1px 2px #0001}"
            + "h2{font-size:1.05rem;margin:.1rem 0 .5rem}dl{margin:0;display:grid;grid-template-columns:auto 1fr;gap:.2rem .8rem}"
            + "dt{color:#55605a}dd{margin:0;overflow-wrap:anywhere}ol{margin:0;padding-left:1.2rem}li{margin:.25rem 0}"
            + "small{color:#55605a}img{max-width:100%;border-radius:.4rem}svg{width:100%;max-width:220px;height:auto;background:#eef3ee;border-radius:.4rem}"
            + ".stars{color:#8a5a00;font-size:1.2rem}label{display:block;margin:.4rem 0 .1rem}input,select,textarea,button{font:inherit;width:100%;box-sizing:border-box}"
            + "button{margin-top:.5rem;padding:.5rem;background:#1e7b3c;color:#fff;border:0;border-radius:.4rem}a{color:#1a5c8f}"
            + "h3{font-size:.95rem;margin:.7rem 0 .3rem}ul{margin:0;padding-left:1.2rem}";

    private TracePage() {}

    static byte[] render(TraceRecord r, boolean en, String selfPath, String langToggleHref, boolean reported) {
        return render(r, en, selfPath, langToggleHref, reported, null);
    }

    /**
     * The page as UTF-8. What belongs to the batch is encoded once (see {@link Fragments}); a scan adds only its
     * verdict, serial and form, so a page costs a few small strings and one copy, not 5 KB of text built and encoded.
     *
     * @param productUrl the lot's public URL; when given and the record shows product data, the page carries the
     *                   product as schema.org Product/Offer JSON-LD with that URL (a data block, not a script:
     *                   nothing runs). The lot URL, not the stamp's: every package of the batch is the same product.
     */
    static byte[] render(
            TraceRecord r, boolean en, String selfPath, String langToggleHref, boolean reported, String productUrl) {
        return render(r, en, selfPath, langToggleHref, reported, productUrl, null);
    }

    /**
     * As above, with the public base URL that makes the sharing card's image absolute (the card itself is built at
     * every request: it says the verdict, which differs between packages of one batch).
     */
    static byte[] render(
            TraceRecord r,
            boolean en,
            String selfPath,
            String langToggleHref,
            boolean reported,
            String productUrl,
            String baseUrl) {
        int l = en ? 1 : 0;
        Fragments f = r.product() == null ? null : fragments(r, l, productUrl);
        StringBuilder h = new StringBuilder(1024);
        if (f == null) {
            head(h, r, l, null);
        }
        card(r, l, baseUrl, productUrl).appendTo(h);
        h.append("</head><body><main>");
        h.append("<p><small><a href=\"")
                .append(Html.esc(langToggleHref))
                .append("\">")
                .append(t("lang", l))
                .append("</a></small></p>");
        verdict(h, r, l);
        if (f == null) {
            h.append(END);
            return h.toString().getBytes(StandardCharsets.UTF_8);
        }
        byte[] top = h.toString().getBytes(StandardCharsets.UTF_8);
        byte[] serial = r.serial() == null
                ? EMPTY
                : ((en(l) ? " · Serial " : " · Sê-ri ") + Html.esc(r.serial())).getBytes(StandardCharsets.UTF_8);
        if (r.serial() == null || r.verdict() == TraceRecord.Verdict.NOT_GENUINE) {
            return concat(f.head(), top, f.beforeSerial(), serial, f.afterSerial(), END_BYTES);
        }
        // the report form: only the stamp URL differs between pages; the rest is encoded once per language
        return concat(
                f.head(),
                top,
                f.beforeSerial(),
                serial,
                f.afterSerial(),
                FORM_START[l][reported ? 1 : 0],
                Html.esc(r.stampUrl()).getBytes(StandardCharsets.UTF_8),
                FORM_END[l]);
    }

    private static final byte[] EMPTY = new byte[0];
    private static final byte[] END_BYTES = "</main></body></html>".getBytes(StandardCharsets.UTF_8);

    private static final String END = "</main></body></html>";

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    /** What a page shows of its batch, as UTF-8: rendered once per language and batch parts, not at every scan. */
    private record Fragments(byte[] head, byte[] beforeSerial, byte[] afterSerial) {}

    /**
     * Keyed on the identity of the record's product object: the trace cache builds one per batch parts, and every
     * record made from those parts shares it with the same producer, batch, zones and stages.
     */
    private record FragmentKey(IdentityRef product, int lang, String productUrl) {}

    private record IdentityRef(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityRef r && r.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    /**
     * Parts are rebuilt every few seconds (a new product object), so old entries go cold and are evicted one by one;
     * at most this many, and this many bytes, are kept ({@link Bounded}).
     */
    static final int MAX_FRAGMENTS = 2_000;

    static final long MAX_FRAGMENT_BYTES = 32L << 20;
    private static final Cache<FragmentKey, Fragments> FRAGMENTS = Bounded.<FragmentKey, Fragments>builder(
                    MAX_FRAGMENTS,
                    MAX_FRAGMENT_BYTES,
                    (k, f) -> 200
                            + Bounded.chars(k.productUrl())
                            + f.head().length
                            + f.beforeSerial().length
                            + f.afterSerial().length)
            .build();

    private static Fragments fragments(TraceRecord r, int l, String productUrl) {
        FragmentKey key = new FragmentKey(new IdentityRef(r.product()), l, productUrl);
        Fragments f = FRAGMENTS.getIfPresent(key);
        if (f == null) {
            StringBuilder head = new StringBuilder(4096);
            head(head, r, l, productUrl);
            StringBuilder before = new StringBuilder(1024);
            StringBuilder after = new StringBuilder(4096);
            body(before, after, r, l);
            f = new Fragments(
                    head.toString().getBytes(StandardCharsets.UTF_8),
                    before.toString().getBytes(StandardCharsets.UTF_8),
                    after.toString().getBytes(StandardCharsets.UTF_8));
            FRAGMENTS.put(key, f);
        }
        return f;
    }

    /** Fragments held now, after pending evictions (for tests). */
    static long fragmentsHeld() {
        FRAGMENTS.cleanUp();
        return FRAGMENTS.estimatedSize();
    }

    private static void head(StringBuilder h, TraceRecord r, int l, String productUrl) {
        h.append("<!DOCTYPE html><html lang=\"")
                .append(l == 1 ? "en" : "vi")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
                .append("<meta name=\"robots\" content=\"noindex\"><title>")
                .append(t("title", l));
        if (r.product() != null) {
            h.append(" – ").append(Html.esc(r.product().name()));
        }
        h.append("</title><style>").append(CSS).append("</style>");
        if (productUrl != null && r.product() != null) {
            h.append("<script type=\"application/ld+json\">")
                    .append(jsonLd(r, productUrl))
                    .append("</script>");
        }
    }

    /**
     * The preview a shared link shows (OpenGraph, Twitter card): the product and the verdict in the title, the
     * verdict's explanation as description, and the product picture only where the page vouches for the product: a
     * forged, voided or unknown stamp's preview never looks like the genuine product's. A lot page names its URL as
     * canonical; a stamp page names none (each package's URL is its own).
     */
    static SharingCard card(TraceRecord r, int l, String baseUrl, String lotUrl) {
        TraceRecord.Verdict v = r.verdict();
        TraceRecord.Product p = r.product();
        String verdict = t(v.name(), l);
        String producer = r.producer() == null ? null : r.producer().name();
        String description = switch (v) {
            case GENUINE -> t("GENUINE.d", l) + (producer == null ? "" : " " + producer);
            case LOT_ONLY ->
                p == null || p.description() == null
                        ? t("LOT_ONLY.d", l)
                        : (producer == null ? "" : producer + ": ") + p.description();
            case NOT_GENUINE -> r.reason() == null ? verdict : t(r.reason(), l);
            case SUSPICIOUS -> t("LATE_NETWORKS".equals(r.reason()) ? "SUSPICIOUS.late" : "SUSPICIOUS.many", l);
            case VOIDED, RECALLED -> r.reason() == null ? verdict : r.reason();
            case NOT_FOUND -> t("title", l);
        };
        boolean vouches = p != null
                && (v == TraceRecord.Verdict.GENUINE
                        || v == TraceRecord.Verdict.LOT_ONLY
                        || v == TraceRecord.Verdict.SUSPICIOUS
                        || v == TraceRecord.Verdict.RECALLED);
        return new SharingCard(
                p == null ? verdict : p.name() + " – " + verdict,
                description,
                vouches ? SharingCard.absolute(baseUrl, p.imageUrl()) : null,
                r.serial() == null && p != null ? lotUrl : null,
                v == TraceRecord.Verdict.GENUINE || v == TraceRecord.Verdict.LOT_ONLY ? "product" : "website",
                en(l));
    }

    /** The verdict's headline, as the page shows it (not escaped). */
    static String verdictTitle(TraceRecord.Verdict v, boolean en) {
        return T.get(v.name())[en ? 1 : 0];
    }

    private static void verdict(StringBuilder h, TraceRecord r, int l) {
        String cls = switch (r.verdict()) {
            case GENUINE -> "ok";
            case SUSPICIOUS -> "warn";
            case LOT_ONLY -> "info";
            default -> "bad";
        };
        h.append("<div class=\"v ")
                .append(cls)
                .append("\" id=\"status\" role=\"status\"><h1>")
                .append(t(r.verdict().name(), l))
                .append("</h1>");
        switch (r.verdict()) {
            case GENUINE -> h.append("<p>").append(t("GENUINE.d", l)).append("</p>");
            case NOT_GENUINE -> h.append("<p>").append(t(r.reason(), l)).append("</p>");
            case VOIDED, RECALLED -> {
                if (r.reason() != null) {
                    h.append("<p>").append(Html.esc(r.reason())).append("</p>");
                }
            }
            case SUSPICIOUS ->
                h.append("<p>")
                        .append(t("LATE_NETWORKS".equals(r.reason()) ? "SUSPICIOUS.late" : "SUSPICIOUS.many", l))
                        .append("</p>");
            case LOT_ONLY -> h.append("<p>").append(t("LOT_ONLY.d", l)).append("</p>");
            default -> {}
        }
        scans(h, r, l);
        h.append("</div>");
    }

    private static final DateTimeFormatter DAY_TIME_VI = DateTimeFormatter.ofPattern("dd/MM/yyyy 'lúc' HH:mm");
    private static final DateTimeFormatter DAY_TIME_EN =
            DateTimeFormatter.ofPattern("d MMM yyyy 'at' HH:mm", java.util.Locale.ENGLISH);

    /**
     * Why the verdict is what it is, for a scanned stamp: when it was first scanned (and whether from the scanner's
     * own network), how often, from how many places (networks). Dates in Vietnam time.
     */
    static void scans(StringBuilder h, TraceRecord r, int l) {
        if (r.scanCount() == null || r.firstScanAt() == null || r.scanPlaces() == null) {
            return;
        }
        String first =
                (l == 0 ? DAY_TIME_VI : DAY_TIME_EN).format(r.firstScanAt().atZone(FarmTime.ZONE));
        int m = r.scanPlaces();
        boolean atLeast = Boolean.TRUE.equals(r.scanPlacesAtLeast());
        boolean here = Boolean.TRUE.equals(r.firstScanHere());
        String text = l == 0
                ? "Lần quét đầu: " + first + (here ? ", từ chính mạng bạn đang dùng" : ", từ nơi khác")
                        + ". Tem này đã được quét " + r.scanCount() + " lần ở " + (atLeast ? "ít nhất " : "") + m
                        + (m == 1 ? " nơi." : " nơi khác nhau.")
                : "First scanned on " + first + (here ? ", from the network you are on" : ", elsewhere")
                        + ". Scanned " + r.scanCount() + (r.scanCount() == 1 ? " time" : " times") + " in "
                        + (atLeast ? "at least " : "") + m + (m == 1 ? " place." : " places.");
        h.append("<p class=\"scans\">").append(Html.esc(text)).append("</p>");
    }

    /** The batch's sections, split where the serial goes (the only per-package value among them). */
    private static void body(StringBuilder before, StringBuilder after, TraceRecord r, int l) {
        productUpToSerial(before, r, l);
        afterSerial(after, r, l);
    }

    private static void productUpToSerial(StringBuilder h, TraceRecord r, int l) {
        var p = r.product();
        h.append("<section><h2>").append(t("product", l)).append("</h2>");
        if (p.imageUrl() != null
                && p.imageUrl().startsWith("/")
                && !p.imageUrl().startsWith("//")) { // same origin only: the page makes no outside requests
            h.append("<img src=\"")
                    .append(Html.esc(p.imageUrl()))
                    .append("\" alt=\"")
                    .append(Html.esc(p.name()))
                    .append("\" loading=\"lazy\" referrerpolicy=\"no-referrer\">");
        }
        h.append("<p><strong>").append(Html.esc(p.name())).append("</strong>");
        if (p.unit() != null) {
            h.append(" <small>(").append(Html.esc(p.unit())).append(")</small>");
        }
        h.append("</p>");
        if (p.description() != null) {
            h.append("<p>").append(Html.esc(p.description())).append("</p>");
        }
        if (r.ocopStars() != null) {
            h.append("<p>")
                    .append(t("ocop", l))
                    .append(": <span class=\"stars\" aria-label=\"")
                    .append(r.ocopStars())
                    .append("\">")
                    .append("★".repeat(r.ocopStars()))
                    .append("</span> <small>→ ")
                    .append(r.ocopValidUntil().format(DAY))
                    .append("</small></p>");
        }
        h.append("<dl><dt>")
                .append(t("code", l))
                .append("</dt><dd>GTIN ")
                .append(Html.esc(r.gtin()))
                .append(" · ")
                .append(en(l) ? "Lot " : "Lô ")
                .append(Html.esc(r.lot()));
    }

    private static void afterSerial(StringBuilder h, TraceRecord r, int l) {
        h.append("</dd>");
        var b = r.batch();
        if (b.harvestDate() != null) {
            h.append("<dt>")
                    .append(t("harvest", l))
                    .append("</dt><dd>")
                    .append(b.harvestDate().format(DAY))
                    .append("</dd>");
        }
        if (b.expiryDate() != null) {
            h.append("<dt>")
                    .append(t("expiry", l))
                    .append("</dt><dd>")
                    .append(b.expiryDate().format(DAY))
                    .append("</dd>");
        }
        h.append("</dl></section>");
        var pr = r.producer();
        h.append("<section><h2>")
                .append(t("producer", l))
                .append("</h2><p><strong>")
                .append(Html.esc(pr.name()))
                .append("</strong><br>")
                .append(Html.esc(pr.address()));
        if (pr.phone() != null) {
            h.append("<br>☎ ").append(Html.esc(pr.phone()));
        }
        h.append("</p></section>");
        for (var z : r.zones()) {
            h.append("<section><h2>")
                    .append(t("zone", l))
                    .append(": ")
                    .append(Html.esc(z.code()))
                    .append("</h2><p>")
                    .append(Html.esc(z.name()));
            if (z.crop() != null) {
                h.append(" · ").append(Html.esc(z.crop()));
            }
            h.append("</p><p><small>")
                    .append(t("area", l))
                    .append(": ")
                    .append(ha(z.declaredAreaHa()))
                    .append(" / ")
                    .append(ha(z.computedAreaHa()))
                    .append("</small></p>");
            if (z.svgPath() != null) {
                h.append("<svg viewBox=\"0 0 " + ZoneGeometry.SVG_WIDTH + " " + ZoneGeometry.SVG_HEIGHT
                                + "\" role=\"img\" aria-label=\"")
                        .append(Html.esc(z.code()))
                        .append("\"><path d=\"")
                        .append(Html.esc(z.svgPath()))
                        .append(
                                "\" fill=\"#9ccc9c\" stroke=\"#1e7b3c\" stroke-width=\"2\" fill-rule=\"evenodd\"/></svg>");
            }
            if (!z.certifications().isEmpty()) {
                h.append("<p><small>").append(t("certs", l)).append(":</small><br>");
                z.certifications().forEach(c -> h.append(Html.esc(c)).append("<br>"));
                h.append("</p>");
            }
            h.append("</section>");
        }
        if (!r.stages().isEmpty()) {
            h.append("<section><h2>").append(t("stages", l)).append("</h2><ol>");
            for (var s : r.stages()) {
                h.append("<li><strong>")
                        .append(eventType(s.type(), l))
                        .append("</strong> <small>")
                        .append(s.at().atZone(FarmTime.ZONE).toLocalDate().format(DAY))
                        .append("</small>");
                if (s.input() != null) {
                    h.append(" · ").append(Html.esc(s.input()));
                }
                if (s.note() != null) {
                    h.append("<br>").append(Html.esc(s.note()));
                }
                for (String photo : s.photos()) {
                    h.append(
                                    "<br><img class=\"stage-photo\" loading=\"lazy\" alt=\"\" style=\"max-width:100%;height:auto\" src=\"")
                            .append(Html.esc(photo))
                            .append("\">");
                }
                h.append("</li>");
            }
            h.append("</ol>");
            for (TraceRecord.Warning w : b.warnings()) {
                h.append("<p><small>⚠ ")
                        .append(t("warn", l))
                        .append(": ")
                        .append(Html.esc(en(l) ? w.en() : w.vi()))
                        .append("</small></p>");
            }
            h.append("</section>");
        }
        journey(h, r.journey(), l);
    }

    /**
     * "Nguồn gốc và hành trình": one step back (zones, input lots linked to their own trace pages, inputs received)
     * and one step forward (the chain of custody, lots made from this one). Every name is escaped (partners' names
     * were also cleaned and cut when read); the only links are the input and output lots' trace pages on this server,
     * built from Temso's own GTIN and lot code, never an address from an event.
     */
    static void journey(StringBuilder h, Journey j, int l) {
        if (j == null || j.nothingToShow()) {
            return;
        }
        h.append("<section id=\"journey\"><h2>")
                .append(jt("title", l))
                .append("</h2><h3>")
                .append(jt("back", l))
                .append("</h3>");
        if (j.zones().isEmpty() && j.inputs().isEmpty() && j.received().isEmpty()) {
            h.append("<p><small>").append(jt("none.back", l)).append("</small></p>");
        } else {
            h.append("<ul>");
            for (Journey.Zone z : j.zones()) {
                h.append("<li>")
                        .append(jt("zone", l))
                        .append(" <strong>")
                        .append(Html.esc(z.code()))
                        .append("</strong> · ")
                        .append(Html.esc(z.name()));
                if (z.commune() != null) {
                    h.append(" · ").append(jt("commune", l)).append(' ').append(Html.esc(z.commune()));
                }
                h.append("</li>");
            }
            j.inputs().forEach(lot -> lot(h, "input", lot, l));
            j.received().forEach(s -> step(h, s, l));
            h.append("</ul>");
        }
        h.append("<h3>").append(jt("forward", l)).append("</h3>");
        if (j.forward().isEmpty() && j.madeInto().isEmpty()) {
            h.append("<p><small>").append(jt("none.forward", l)).append("</small></p>");
        } else {
            h.append("<ol>");
            j.forward().forEach(s -> step(h, s, l));
            h.append("</ol>");
            if (!j.madeInto().isEmpty()) {
                h.append("<ul>");
                j.madeInto().forEach(lot -> lot(h, "madeInto", lot, l));
                h.append("</ul>");
            }
        }
        if (j.more()) {
            h.append("<p><small>").append(jt("more", l)).append("</small></p>");
        }
        h.append("</section>");
    }

    private static void lot(StringBuilder h, String label, Journey.Lot lot, int l) {
        h.append("<li>")
                .append(jt(label, l))
                .append(" <a href=\"")
                .append(Html.esc(lot.tracePath()))
                .append("\">")
                .append(Html.esc(lot.lotCode()))
                .append("</a> · ")
                .append(Html.esc(lot.productName()))
                .append(" · ")
                .append(Html.esc(lot.cooperativeName()));
        if (lot.quantity() != null) {
            h.append(" <small>(")
                    .append(Html.esc(lot.quantity().stripTrailingZeros().toPlainString()))
                    .append(' ')
                    .append(Html.esc(lot.unit()))
                    .append(")</small>");
        }
        h.append("</li>");
    }

    /** "Đã nhận bởi <b>X</b> (GLN …) ngày 21/11/2026 · tại Y · từ Z (do đối tác ghi nhận)". */
    private static void step(StringBuilder h, CustodyStep s, int l) {
        h.append("<li>").append(jt("step." + s.step().name(), l)).append(' ');
        party(h, s.party(), l);
        h.append(' ').append(jt("on", l)).append(' ').append(s.day().format(DAY));
        CustodyStep.Place at = s.place();
        if (at != null) {
            h.append(" · ").append(jt("at", l)).append(' ');
            String where = at.name() != null ? at.name() : at.zoneCode();
            if (where != null) {
                h.append(Html.esc(where));
            }
            if (at.gln() != null) {
                h.append(where == null ? "GLN " : " (GLN ")
                        .append(Html.esc(at.gln()))
                        .append(where == null ? "" : ")");
            }
        }
        if (s.from() != null) {
            h.append(" · ").append(jt("from", l)).append(' ');
            party(h, s.from(), l);
        }
        if (s.partner()) {
            h.append(" <small>(").append(jt("partner", l)).append(")</small>");
        }
        h.append("</li>");
    }

    private static void party(StringBuilder h, CustodyStep.Party p, int l) {
        if (p == null) {
            h.append(jt("unnamed", l));
            return;
        }
        h.append("<strong>");
        if (p.name() != null) {
            h.append(Html.esc(p.name())).append("</strong>");
            if (p.gln() != null) {
                h.append(" (GLN ").append(Html.esc(p.gln())).append(')');
            }
        } else {
            h.append("GLN ").append(Html.esc(p.gln())).append("</strong>");
        }
    }

    /** The report form up to its stamp URL value, per language, without and with the thank-you line. */
    private static final byte[][][] FORM_START = {
        {formStart(0, false), formStart(0, true)}, {formStart(1, false), formStart(1, true)}
    };
    /** The form after the stamp URL, then the end of the page. */
    private static final byte[][] FORM_END = {
        (formRest(0) + END).getBytes(StandardCharsets.UTF_8), (formRest(1) + END).getBytes(StandardCharsets.UTF_8)
    };

    private static byte[] formStart(int l, boolean reported) {
        StringBuilder h = new StringBuilder(256);
        h.append("<section><h2>").append(t("report", l)).append("</h2>");
        if (reported) {
            h.append("<p role=\"status\">").append(t("thanks", l)).append("</p>");
        }
        h.append("<form method=\"post\" action=\"/report\"><input type=\"hidden\" name=\"stamp\" value=\"");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String formRest(int l) {
        return new StringBuilder()
                .append("\"><input type=\"hidden\" name=\"lang\" value=\"")
                .append(en(l) ? "en" : "vi")
                .append("\">")
                .append("<label for=\"kind\">")
                .append(t("report", l))
                .append("</label><select id=\"kind\" name=\"kind\">")
                .append("<option value=\"SUSPECTED_FAKE\">")
                .append(t("kind.fake", l))
                .append("</option>")
                .append("<option value=\"FEEDBACK\">")
                .append(t("kind.feedback", l))
                .append("</option></select>")
                .append("<label for=\"rating\">")
                .append(t("rating", l))
                .append("</label><select id=\"rating\" name=\"rating\">")
                .append(
                        "<option value=\"\">–</option><option>5</option><option>4</option><option>3</option><option>2</option><option>1</option></select>")
                .append("<label for=\"message\">")
                .append(t("message", l))
                .append("</label>")
                .append("<textarea id=\"message\" name=\"message\" rows=\"3\" maxlength=\"2000\"></textarea>")
                .append("<button type=\"submit\">")
                .append(t("send", l))
                .append("</button></form></section>")
                .toString();
    }

    /** schema.org Product with its Offer; the catalog-sync writer escapes it for embedding in HTML. */
    private static String jsonLd(TraceRecord r, String pageUrl) {
        var p = r.product();
        var b = vn.temso.catalog.model.CatalogEntry.builder(r.gtin())
                .title(p.name())
                .description(p.description())
                .link(pageUrl)
                .gtin(r.gtin())
                .brand(r.producer().name())
                .availability(vn.temso.catalog.model.Availability.IN_STOCK)
                .priceVnd(p.priceVnd() == null ? 0 : p.priceVnd());
        if (r.ocopStars() != null) {
            b.ocop(r.ocopStars(), r.ocopValidUntil());
        }
        // the rating as the record carries it (judged once, on the Vietnam date, by BatchRecords): judging it again
        // here could disagree with the visible stars
        return vn.temso.catalog.feed.ProductJsonLd.toJsonLd(b.build());
    }

    private static boolean en(int l) {
        return l == 1;
    }

    /** Every key of the UI's message bundles under {@code prefix}, without it, escaped: Vietnamese, English. */
    private static Map<String, String[]> bundle(String prefix) {
        ResourceBundle.Control noFallback =
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle vi = ResourceBundle.getBundle(
                "vn.temso.web.messages", Locale.forLanguageTag("vi"), TracePage.class.getClassLoader(), noFallback);
        ResourceBundle en = ResourceBundle.getBundle(
                "vn.temso.web.messages", Locale.ENGLISH, TracePage.class.getClassLoader(), noFallback);
        Map<String, String[]> texts = new HashMap<>();
        for (String key : vi.keySet()) {
            if (key.startsWith(prefix)) {
                texts.put(
                        key.substring(prefix.length()),
                        new String[] {Html.esc(vi.getString(key)), Html.esc(en.getString(key))});
            }
        }
        return Map.copyOf(texts);
    }

    /** A word of the origin and journey section. */
    private static String jt(String key, int l) {
        String[] v = JOURNEY.get(key);
        return v == null ? Html.esc(key) : v[l];
    }

    /** A diary event type's name; an unknown type (none today) shows as it is stored. */
    private static String eventType(String type, int l) {
        String[] v = EVENT_TYPES.get(type);
        return v == null ? Html.esc(type) : v[l];
    }

    private static String t(String key, int l) {
        String[] v = T.get(key);
        return v == null ? Html.esc(key) : v[l];
    }

    private static String ha(java.math.BigDecimal v) {
        return v == null ? "–" : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + " ha";
    }
}
