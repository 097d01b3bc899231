package vn.temso.listing.boundary;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import vn.temso.catalog.feed.Channel;
import vn.temso.catalog.feed.ProductJsonLd;
import vn.temso.catalog.model.CatalogEntry;
import vn.temso.listing.control.AreaFeeds;
import vn.temso.listing.control.AreaScope;
import vn.temso.listing.control.Feeds;
import vn.temso.platform.web.Html;
import vn.temso.platform.web.SharingCard;
import vn.temso.stamp.Gs1Value;

/**
 * The public catalogue page: server-rendered HTML, inline CSS, no script (the JSON-LD block is data), readable at
 * 360 px. Every value that came from a user (names, communes, prices are numbers) is escaped; URLs are built from
 * validated ids, GTINs and percent-encoded lots only. OpenGraph and Twitter card tags let a shared link show the
 * catalogue.
 */
final class CatalogPage {

    /** One product as the page shows it. */
    record Item(
            CatalogEntry entry,
            String cooperativeId,
            String cooperativeName,
            String commune,
            String imagePath,
            List<String> openLots) {}

    /** What one page shows; {@code nextAfter} is the key of the next page, or null on the last. */
    record View(
            boolean english,
            String baseUrl,
            AreaScope scope,
            String scopeName,
            String cooperativeId,
            String cooperativeName,
            String after,
            List<Item> items,
            String nextAfter,
            List<AreaFeeds.Commune> communes) {}

    static final String CSS = "body{margin:0;font:16px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;"
            + "color:#1b1f1d;background:#f4f6f4}main{max-width:64rem;margin:0 auto;padding:.75rem}"
            + "h1{font-size:1.35rem;margin:.4rem 0}nav p{margin:.3rem 0}a{color:#1a5c8f}"
            + ".grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.8rem;padding:0;"
            + "list-style:none}.card{background:#fff;border-radius:.6rem;padding:.75rem;box-shadow:0 1px 2px #0001;"
            + "overflow-wrap:anywhere}.card h2{font-size:1.05rem;margin:.4rem 0}.card img{width:100%;height:auto;"
            + "aspect-ratio:4/3;object-fit:cover;border-radius:.4rem;background:#eef3ee}.noimg{display:flex;"
            + "align-items:center;justify-content:center;aspect-ratio:4/3;background:#eef3ee;border-radius:.4rem;"
            + "color:#55605a}.stars{color:#8a5a00}.price{font-weight:600}.card p{margin:.25rem 0}"
            + "ul.lots{margin:.2rem 0;padding-left:1.1rem}.pager{display:flex;gap:1rem;flex-wrap:wrap;margin:1rem 0}"
            + "section{background:#fff;border-radius:.6rem;padding:.75rem 1rem;margin:1rem 0}"
            + "section h2{font-size:1rem;margin:.1rem 0 .4rem}small{color:#55605a}";

    private CatalogPage() {}

    static String render(View v) {
        ResourceBundle t = bundle(v.english());
        String title = title(v, t);
        String selfUrl = v.baseUrl() + selfPath(v, v.after(), v.english());
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html><html lang=\"")
                .append(v.english() ? "en" : "vi")
                .append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>")
                .append(Html.esc(title))
                .append("</title><meta name=\"description\" content=\"")
                .append(Html.esc(t.getString("area.description")))
                .append("\"><link rel=\"canonical\" href=\"")
                .append(Html.esc(selfUrl))
                .append("\">");
        social(h, v, t, title, selfUrl);
        h.append("<style>").append(CSS).append("</style>");
        if (!v.items().isEmpty()) {
            h.append("<script type=\"application/ld+json\">").append(jsonLd(v)).append("</script>");
        }
        h.append("</head><body><main><nav><p><small><a href=\"")
                .append(Html.esc(selfPath(v, v.after(), !v.english())))
                .append("\" hreflang=\"")
                .append(v.english() ? "vi" : "en")
                .append("\">")
                .append(Html.esc(t.getString("area.lang")))
                .append("</a></small></p>");
        communes(h, v, t);
        h.append("</nav><h1>").append(Html.esc(title)).append("</h1>");
        if (v.cooperativeName() != null) {
            h.append("<p>").append(Html.esc(v.cooperativeName())).append("</p>");
        }
        if (v.items().isEmpty()) {
            h.append("<p>").append(Html.esc(t.getString("area.empty"))).append("</p>");
        } else {
            h.append("<ul class=\"grid\">");
            for (Item i : v.items()) {
                item(h, v, t, i);
            }
            h.append("</ul>");
        }
        pager(h, v, t);
        feeds(h, v, t);
        return h.append("</main></body></html>").toString();
    }

    /** A short page for a 400 or 404: the same look, no data. */
    static String problem(boolean english, String key) {
        ResourceBundle t = bundle(english);
        return "<!DOCTYPE html><html lang=\"" + (english ? "en" : "vi") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + Html.esc(t.getString("area.title"))
                + "</title><style>" + CSS + "</style></head><body><main><h1>" + Html.esc(t.getString(key))
                + "</h1><p><a href=\"/catalog" + (english ? "?lang=en" : "") + "\">"
                + Html.esc(t.getString("area.title")) + "</a></p></main></body></html>";
    }

    private static String title(View v, ResourceBundle t) {
        if (v.cooperativeName() != null || v.scopeName() == null) {
            return t.getString("area.title");
        }
        return MessageFormat.format(
                t.getString(v.scope().isProvince() ? "area.title.province" : "area.title.commune"), v.scopeName());
    }

    private static void social(StringBuilder h, View v, ResourceBundle t, String title, String selfUrl) {
        String image = v.items().stream()
                .map(i -> i.entry().imageLink())
                .filter(u -> u != null && (u.startsWith("https://") || u.startsWith("http://")))
                .findFirst()
                .orElse(v.baseUrl() + "/static/catalog-og.png");
        new SharingCard(title, t.getString("area.description"), image, selfUrl, "website", v.english()).appendTo(h);
    }

    private static void communes(StringBuilder h, View v, ResourceBundle t) {
        String lang = v.english() ? "lang=en" : "";
        h.append("<p><a href=\"/catalog")
                .append(lang.isEmpty() ? "" : "?" + lang)
                .append("\">")
                .append(Html.esc(t.getString("area.all")))
                .append("</a>");
        if (!v.communes().isEmpty()) {
            h.append(" · ").append(Html.esc(t.getString("area.communes"))).append(": ");
            boolean first = true;
            for (AreaFeeds.Commune c : v.communes()) {
                h.append(first ? "" : ", ")
                        .append("<a href=\"/catalog?commune=")
                        .append(c.slug())
                        .append(lang.isEmpty() ? "" : "&amp;" + lang)
                        .append("\">")
                        .append(Html.esc(c.name()))
                        .append("</a>");
                first = false;
            }
        }
        h.append("</p>");
    }

    private static void item(StringBuilder h, View v, ResourceBundle t, Item i) {
        CatalogEntry e = i.entry();
        h.append("<li class=\"card\">");
        if (i.imagePath() != null) {
            h.append("<img src=\"")
                    .append(Html.esc(i.imagePath()))
                    .append("\" alt=\"")
                    .append(Html.esc(e.title()))
                    .append("\" loading=\"lazy\" width=\"320\" height=\"240\">");
        } else {
            h.append("<div class=\"noimg\">")
                    .append(Html.esc(t.getString("area.noImage")))
                    .append("</div>");
        }
        h.append("<h2><a href=\"/01/")
                .append(e.gtin())
                .append("\">")
                .append(Html.esc(e.title()))
                .append("</a></h2>");
        if (e.ocop() != null) {
            int stars = e.ocop().stars();
            h.append("<p class=\"stars\"><span aria-hidden=\"true\">")
                    .append("★".repeat(stars))
                    .append("</span> ")
                    .append(Html.esc(MessageFormat.format(t.getString("area.stars"), stars)))
                    .append("</p>");
        }
        h.append("<p class=\"price\">")
                .append(Html.esc(t.getString("area.price")))
                .append(": ")
                .append(Html.esc(price(e.priceVnd(), v.english())))
                .append("</p><p>")
                .append(Html.esc(t.getString("area.producer")))
                .append(": <a href=\"")
                .append(Html.esc(coopPath(i.cooperativeId(), v.english())))
                .append("\">")
                .append(Html.esc(i.cooperativeName()))
                .append("</a>");
        if (i.commune() != null) {
            h.append(" <small>(").append(Html.esc(i.commune())).append(")</small>");
        }
        h.append("</p><p><a href=\"/01/")
                .append(e.gtin())
                .append("\">")
                .append(Html.esc(t.getString("area.product")))
                .append("</a></p>");
        if (!i.openLots().isEmpty()) {
            h.append("<p>").append(Html.esc(t.getString("area.lots"))).append(":</p><ul class=\"lots\">");
            for (String lot : i.openLots()) {
                h.append("<li><a href=\"")
                        .append(Html.esc(lotPath(e.gtin(), lot)))
                        .append("\">")
                        .append(Html.esc(lot))
                        .append("</a></li>");
            }
            h.append("</ul>");
        }
        h.append("</li>");
    }

    /** A lot's trace page, GS1 Digital Link, the lot percent-encoded as the stamps are. */
    static String lotPath(String gtin, String lot) {
        return "/01/" + gtin + "/10/" + Gs1Value.encode(lot);
    }

    private static void pager(StringBuilder h, View v, ResourceBundle t) {
        if (v.after() == null && v.nextAfter() == null) {
            return;
        }
        h.append("<p class=\"pager\">");
        if (v.after() != null) {
            h.append("<a href=\"")
                    .append(Html.esc(selfPath(v, null, v.english())))
                    .append("\">")
                    .append(Html.esc(t.getString("area.first")))
                    .append("</a>");
        }
        if (v.nextAfter() != null) {
            h.append("<a href=\"")
                    .append(Html.esc(selfPath(v, v.nextAfter(), v.english())))
                    .append("\" rel=\"next\">")
                    .append(Html.esc(t.getString("area.next")))
                    .append("</a>");
        }
        h.append("</p>");
    }

    private static void feeds(StringBuilder h, View v, ResourceBundle t) {
        if (v.cooperativeId() != null) {
            return; // a cooperative's own feeds are its business; the area feeds are linked from the area pages
        }
        h.append("<section><h2>").append(Html.esc(t.getString("area.feeds"))).append("</h2><p><small>");
        boolean first = true;
        for (Channel c : Channel.values()) {
            if (c.writesFile()) {
                h.append(first ? "" : " · ")
                        .append("<a href=\"")
                        .append(Html.esc(v.scope().path(c)))
                        .append("\">")
                        .append(Feeds.fileName(c))
                        .append("</a>");
                first = false;
            }
        }
        h.append("</small></p></section>");
    }

    /** This page's path with another page key and language (values are validated ids and slugs). */
    static String selfPath(View v, String after, boolean english) {
        StringBuilder q = new StringBuilder();
        if (v.cooperativeId() != null) {
            q.append("&coop=").append(v.cooperativeId());
        } else if (!v.scope().isProvince()) {
            q.append("&commune=").append(v.scope().commune());
        }
        if (after != null) {
            q.append("&after=").append(after);
        }
        if (english) {
            q.append("&lang=en");
        }
        return "/catalog" + (q.length() == 0 ? "" : "?" + q.substring(1));
    }

    private static String coopPath(String cooperativeId, boolean english) {
        return "/catalog?coop=" + cooperativeId + (english ? "&lang=en" : "");
    }

    static String price(long vnd, boolean english) {
        if (english) {
            return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(vnd) + " VND";
        }
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi-VN")).format(vnd) + " ₫";
    }

    /** schema.org ItemList of the page's products, each a Product with its Offer (the feeds' JSON-LD). */
    private static String jsonLd(View v) {
        StringBuilder j = new StringBuilder(1024 * v.items().size());
        j.append("{\"@context\":\"https://schema.org\",\"@type\":\"ItemList\",\"itemListElement\":[");
        int position = 1;
        for (Item i : v.items()) {
            j.append(position > 1 ? "," : "")
                    .append("{\"@type\":\"ListItem\",\"position\":")
                    .append(position++)
                    .append(",\"item\":")
                    .append(ProductJsonLd.toJsonLd(i.entry())) // escapes < > & : cannot end the script element
                    .append('}');
        }
        return j.append("]}").toString();
    }

    private static ResourceBundle bundle(boolean english) {
        return ResourceBundle.getBundle(
                "vn.temso.web.messages",
                english ? Locale.ENGLISH : Locale.forLanguageTag("vi"),
                CatalogPage.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }
}
