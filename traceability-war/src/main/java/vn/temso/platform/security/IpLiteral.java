package vn.temso.platform.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** IP address literals, parsed without ever asking DNS (InetAddress.getByName would resolve a name). */
public final class IpLiteral {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern HEXISH = Pattern.compile("[0-9A-Fa-f:.]+");

    private IpLiteral() {}

    /** The address as bytes when it is an IP literal (IPv4-mapped IPv6 as IPv4), else null; never a DNS lookup. */
    public static byte[] bytes(String address) {
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
}
