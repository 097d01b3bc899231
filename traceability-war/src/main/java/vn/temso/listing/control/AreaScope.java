package vn.temso.listing.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.temso.catalog.feed.Channel;

/**
 * Which area a feed or catalogue page covers: the whole instance's province, or one commune named by its slug.
 * <p>
 * A commune's slug is its comparison key ({@code Texts.key}: NFC, trimmed, lower case) in plain ASCII: diacritics
 * removed (đ becomes d), every run of other characters a single '-', at most 60 characters, e.g. "Bình Tịnh" becomes
 * {@code binh-tinh} and "Đức Hòa Hạ" {@code duc-hoa-ha}. It is stable while the commune's name is; two communes whose
 * names differ only in diacritics share one slug (and one feed).
 */
public record AreaScope(String commune) {

    public static final AreaScope PROVINCE = new AreaScope(null);
    static final int MAX_SLUG = 60;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    public AreaScope {
        if (commune != null && !isSlug(commune)) {
            throw new IllegalArgumentException("not a commune slug: " + commune);
        }
    }

    public static AreaScope commune(String slug) {
        return new AreaScope(slug);
    }

    public boolean isProvince() {
        return commune == null;
    }

    /** The scope column of {@code area_feed}: {@code province} or {@code commune/<slug>}; also its URL path. */
    public String scope() {
        return commune == null ? "province" : "commune/" + commune;
    }

    /** The inverse of {@link #scope()}, or null for anything else. */
    public static AreaScope parse(String scope) {
        if ("province".equals(scope)) {
            return PROVINCE;
        }
        if (scope != null && scope.startsWith("commune/") && isSlug(scope.substring(8))) {
            return commune(scope.substring(8));
        }
        return null;
    }

    /** Where the scope's feeds are kept in the file store, {@code feeds/area/<scope>/}. */
    public String prefix() {
        return Feeds.PREFIX + "area/" + scope() + "/";
    }

    /** The public path of one of its feeds, e.g. {@code /feeds/commune/binh-tinh/google-xml.xml}. */
    public String path(Channel channel) {
        return "/feeds/" + scope() + "/" + Feeds.fileName(channel);
    }

    /** The slug of a commune name or key, or null when nothing of it is left (blank, or no letter or digit). */
    public static String slug(String commune) {
        if (commune == null) {
            return null;
        }
        String s = Normalizer.normalize(commune.strip(), Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("").replace('đ', 'd').replace('Đ', 'd');
        s = NOT_ALNUM.matcher(s.toLowerCase(Locale.ROOT)).replaceAll("-");
        s = trimDashes(s);
        if (s.length() > MAX_SLUG) {
            s = trimDashes(s.substring(0, MAX_SLUG));
        }
        return s.isEmpty() ? null : s;
    }

    private static String trimDashes(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) == '-') {
            from++;
        }
        while (to > from && s.charAt(to - 1) == '-') {
            to--;
        }
        return s.substring(from, to);
    }

    /** Whether a string from outside (a URL) has the shape of a slug; checked before anything is looked up. */
    public static boolean isSlug(String s) {
        return s != null
                && !s.isEmpty()
                && s.length() <= MAX_SLUG
                && SLUG.matcher(s).matches();
    }

    /**
     * The file store key of an area feed URL's path parts ({@code ["", "province", file]} or
     * {@code ["", "commune", slug, file]}), or null for anything that is not one: only channel file names.
     */
    public static String key(String[] parts) {
        AreaScope scope = null;
        String name = null;
        if (parts.length == 3 && parts[0].isEmpty() && "province".equals(parts[1])) {
            scope = PROVINCE;
            name = parts[2];
        } else if (parts.length == 4 && parts[0].isEmpty() && "commune".equals(parts[1]) && isSlug(parts[2])) {
            scope = commune(parts[2]);
            name = parts[3];
        }
        if (scope == null) {
            return null;
        }
        for (Channel c : Channel.values()) {
            if (c.writesFile() && Feeds.fileName(c).equals(name)) {
                return scope.prefix() + name;
            }
        }
        return null;
    }
}
