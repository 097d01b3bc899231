package vn.temso.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address a request came from. Behind a reverse proxy or load balancer every request arrives from the proxy:
 * the clone rules would see one network and the sign-in throttles one address; {@code temso.http.trusted-proxies} names the proxies (exact
 * addresses, comma-separated; none by default). Only when the request comes from one of them is
 * {@code X-Forwarded-For} read, from the right, skipping trusted proxies: the first other address is the client.
 * Anyone else's {@code X-Forwarded-For} is ignored, so a client cannot claim to be many networks.
 */
public final class TrustedProxies {

    private final List<byte[]> trusted;

    public TrustedProxies(Optional<String> trustedProxies) {
        List<byte[]> t = new ArrayList<>();
        for (String p : trustedProxies.orElse("").split(",")) {
            byte[] b = IpLiteral.bytes(p.trim());
            if (!p.isBlank() && b == null) {
                throw new IllegalArgumentException("temso.http.trusted-proxies: not an IP address: " + p.trim());
            }
            if (b != null) {
                t.add(b);
            }
        }
        trusted = List.copyOf(t);
    }

    /** The client's address, given the connection's address and the request's X-Forwarded-For header (or null). */
    public String clientOf(String remoteAddr, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",", 32); // a proxy chain is short; a longer header is not looked at whole
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (IpLiteral.bytes(hop) == null) {
                return remoteAddr; // garbage in the chain: trust nothing in it
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remoteAddr;
    }

    private boolean isTrusted(String address) {
        byte[] b = IpLiteral.bytes(address);
        if (b == null) {
            return false;
        }
        for (byte[] t : trusted) {
            if (Arrays.equals(t, b)) {
                return true;
            }
        }
        return false;
    }
}
