package vn.temso.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The address a request comes from, for throttles and the clone rules: the one place that decides it. The TCP peer,
 * or behind a proxy named in {@code temso.http.trusted-proxies} the client it forwarded for ({@link TrustedProxies}).
 */
public final class ClientAddress {

    private ClientAddress() {}

    /** Read once: the proxies in front of the service do not change while it runs. */
    private static final class Proxies {
        static final TrustedProxies CONFIGURED = new TrustedProxies(
                ConfigProvider.getConfig().getOptionalValue("temso.http.trusted-proxies", String.class));
    }

    /** Reads {@code temso.http.trusted-proxies} now; throws IllegalArgumentException naming a value that is no IP. */
    public static void checkConfiguration() {
        Proxies.CONFIGURED.clientOf("127.0.0.1", null);
    }

    public static String of(HttpServletRequest request) {
        return request == null
                ? "unknown"
                : Proxies.CONFIGURED.clientOf(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }

    /**
     * The key a throttle counts under: an IPv4 address as it is; an IPv6 address by its /64 network, since one
     * subscriber gets a whole /64 and could otherwise pick a fresh address for every try. Loopback stays exact.
     */
    public static String key(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!a.contains(":")) {
            return a.length() > 64 ? a.substring(0, 64) : a;
        }
        try {
            byte[] b = InetAddress.getByName(a.replaceFirst("%.*$", "")).getAddress();
            if (b.length != 16) {
                return InetAddress.getByAddress(b).getHostAddress();
            }
            InetAddress ip = InetAddress.getByAddress(b);
            if (ip.isLoopbackAddress()) {
                return "::1";
            }
            return String.format(
                    "%x:%x:%x:%x::/64",
                    ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                    ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                    ((b[4] & 0xff) << 8) | (b[5] & 0xff),
                    ((b[6] & 0xff) << 8) | (b[7] & 0xff));
        } catch (UnknownHostException e) {
            return a.length() > 64 ? a.substring(0, 64) : a; // not an address literal; never resolved by name
        }
    }
}
