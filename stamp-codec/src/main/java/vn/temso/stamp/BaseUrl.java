package vn.temso.stamp;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuer's public base URL as it enters the signed bytes: {@code http} or {@code https}, a DNS host name,
 * an optional non-default port and optional plain path segments; scheme and host lower-cased (RFC 3986 6.2.2.1),
 * default port dropped (RFC 3986 6.2.3), no trailing slash.
 */
public final class BaseUrl {

    private static final Pattern ORIGIN = Pattern.compile("^([A-Za-z]+)://([A-Za-z0-9.-]+)(?::([0-9]{1,5}))?$");
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    private static final Pattern PATH_SEGMENT = Pattern.compile("[A-Za-z0-9._-]+");

    private BaseUrl() {}

    /** Normalises a configured base URL; one trailing slash is tolerated here (not inside a stamp URL). */
    public static String normalise(String baseUrl) {
        if (baseUrl == null || baseUrl.isEmpty()) {
            throw new InvalidStampException("base URL is empty");
        }
        String trimmed = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw new InvalidStampException("base URL must start with http:// or https://");
        }
        int pathStart = trimmed.indexOf('/', schemeEnd + 3);
        String origin = pathStart < 0 ? trimmed : trimmed.substring(0, pathStart);
        String path = pathStart < 0 ? "" : trimmed.substring(pathStart);
        return normaliseOrigin(origin) + checkPath(path);
    }

    /** Normalises {@code scheme://host[:port]}. */
    static String normaliseOrigin(String origin) {
        Matcher m = ORIGIN.matcher(origin);
        if (!m.matches()) {
            throw new InvalidStampException("base URL must be http(s)://host[:port] with a DNS host name");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new InvalidStampException("base URL scheme must be http or https");
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        for (String label : host.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches() || label.length() > 63) {
                throw new InvalidStampException("base URL host is not a valid DNS name");
            }
        }
        String port = "";
        if (m.group(3) != null) {
            int number = Integer.parseInt(m.group(3));
            if (number < 1 || number > 65535 || m.group(3).startsWith("0")) {
                throw new InvalidStampException("base URL port is not valid");
            }
            boolean isDefault = scheme.equals("https") && number == 443 || scheme.equals("http") && number == 80;
            port = isDefault ? "" : ":" + number;
        }
        return scheme + "://" + host + port;
    }

    private static String checkPath(String path) {
        if (path.isEmpty()) {
            return path;
        }
        for (String segment : path.substring(1).split("/", -1)) {
            if (!PATH_SEGMENT.matcher(segment).matches()) {
                throw new InvalidStampException("base URL path segments must be letters, digits, '-', '.' or '_'");
            }
        }
        return path;
    }
}
