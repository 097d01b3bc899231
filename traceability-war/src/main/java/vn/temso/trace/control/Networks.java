package vn.temso.trace.control;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The network a scan came from, for the clone rules: an IPv4 /24 or an IPv6 /48. Addresses inside one network are
 * cheap for one person to hold (a home router hands out the /24, a customer gets a /48 or smaller), whole networks
 * are not; so a stamp counts places by network, never by address or user agent.
 */
public final class Networks {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEXISH = Pattern.compile("[0-9A-Fa-f:.]+");

    private Networks() {
    }

    /** The address as bytes when it is an IP literal (IPv4-mapped IPv6 as IPv4), else null; never a DNS lookup. */
    public static byte[] literal(String address) {
        if (address == null) {
            return null;
        }
        String a = address.trim();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        int zone = a.indexOf('%');
        if (zone >= 0) {
            a = a.substring(0, zone);
        }
        boolean v4 = IPV4.matcher(a).matches();
        if (!v4 && (a.indexOf(':') < 0 || !HEXISH.matcher(a).matches())) {
            return null; // not an IP literal: InetAddress would try DNS
        }
        try {
            return InetAddress.getByName(a).getAddress(); // a literal: parsed, never resolved
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    /**
     * The network prefix of a literal address as the servlet container reports it, e.g. {@code 203.0.113.0/24} or
     * {@code 2001:db8:7::/48}; IPv4-mapped IPv6 counts as IPv4. Anything else (never expected) is returned as it is.
     */
    public static String prefix(String address) {
        byte[] b = literal(address);
        if (b == null) {
            return address == null ? "" : address;
        }
        if (b.length == 4) {
            return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + ".0/24";
        }
        return String.format("%x:%x:%x::/48", ((b[0] & 0xff) << 8) | (b[1] & 0xff), ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                ((b[4] & 0xff) << 8) | (b[5] & 0xff));
    }
}
