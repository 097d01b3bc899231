package vn.temso.platform.web;

/**
 * What a link shows when it is shared on Zalo, Facebook, Messenger or X: OpenGraph and Twitter card meta tags. The
 * sharing site's crawler builds its preview from these tags alone, so a page puts in them what it tells the buyer
 * (a forged stamp's card says it is forged and shows no product picture). Every value is escaped; the description is
 * cut to what previews show.
 *
 * @param title the page's headline (product and verdict)
 * @param description one or two sentences, or null
 * @param imageUrl an absolute http(s) image URL, or null for a card without a picture
 * @param pageUrl the canonical absolute URL of what is shown, or null to let the crawler keep the URL it fetched
 * @param type {@code product} or {@code website}
 * @param english the page's language (og:locale)
 */
public record SharingCard(
        String title, String description, String imageUrl, String pageUrl, String type, boolean english) {

    /** Facebook cuts previews at about 200 characters; Zalo shows fewer. */
    static final int MAX_DESCRIPTION = 200;

    /** The meta tags, for the page's {@code <head>}. */
    public void appendTo(StringBuilder h) {
        meta(h, "property", "og:site_name", "Temso");
        meta(h, "property", "og:locale", english ? "en_US" : "vi_VN");
        meta(h, "property", "og:type", type);
        meta(h, "property", "og:title", title);
        String text = shortened(description);
        meta(h, "property", "og:description", text);
        meta(h, "property", "og:url", pageUrl);
        meta(h, "property", "og:image", imageUrl);
        meta(h, "name", "twitter:card", imageUrl == null ? "summary" : "summary_large_image");
        meta(h, "name", "twitter:title", title);
        meta(h, "name", "twitter:description", text);
        meta(h, "name", "twitter:image", imageUrl);
    }

    /**
     * An image or page address as crawlers need it: absolute. A path on this service gets the public base URL; an
     * absolute http(s) URL is kept; anything else (another scheme, a protocol-relative or malformed value) gives null,
     * so no card points anywhere unexpected.
     */
    public static String absolute(String baseUrl, String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return url;
        }
        if (url.startsWith("/") && !url.startsWith("//") && baseUrl != null) {
            return (baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl) + url;
        }
        return null;
    }

    static String shortened(String text) {
        if (text == null) {
            return null;
        }
        String oneLine = text.replaceAll("\\s+", " ").strip();
        if (oneLine.codePointCount(0, oneLine.length()) <= MAX_DESCRIPTION) {
            return oneLine;
        }
        int end = oneLine.offsetByCodePoints(0, MAX_DESCRIPTION - 1);
        return oneLine.substring(0, end).stripTrailing() + "…";
    }

    private static void meta(StringBuilder h, String attribute, String name, String content) {
        if (content == null || content.isBlank()) {
            return;
        }
        h.append("<meta ")
                .append(attribute)
                .append("=\"")
                .append(name)
                .append("\" content=\"")
                .append(Html.esc(content))
                .append("\">");
    }
}
