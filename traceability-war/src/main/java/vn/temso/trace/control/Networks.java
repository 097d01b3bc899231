package vn.temso.trace.control;

import vn.temso.platform.security.IpLiteral;

/**
 * The network a scan came from, for the clone rules: an IPv4 /24 or an IPv6 /48. Addresses inside one network are
 * cheap for one person to hold (a home router hands out the /24, a customer gets a /48 or smaller), whole networks
 * are not; so a stamp counts places by network, never by address or user agent.
 */
public final class Networks {

    private Networks() {}

    /** The address as bytes when it is an IP literal (IPv4-mapped IPv6 as IPv4), else null; never a DNS lookup. */
    public static byte[] literal(String address) {
        return IpLiteral.bytes(address);
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
        return String.format(
                "%x:%x:%x::/48",
                ((b[0] & 0xff) << 8) | (b[1] & 0xff),
                ((b[2] & 0xff) << 8) | (b[3] & 0xff),
                ((b[4] & 0xff) << 8) | (b[5] & 0xff));
    }
}
