package vn.temso.trace.boundary;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import vn.temso.trace.control.Networks;

/**
 * The address a trace-page request came from. Behind a reverse proxy or load balancer every request arrives from
 * the proxy, and the clone rules would see one network; {@code temso.trace.trusted-proxies} names the proxies (exact
 * addresses, comma-separated; none by default). Only when the request comes from one of them is
 * {@code X-Forwarded-For} read, from the right, skipping trusted proxies: the first other address is the client.
 * Anyone else's {@code X-Forwarded-For} is ignored, so a client cannot claim to be many networks.
 */
final class ClientAddress {

    private final List<byte[]> trusted;

    ClientAddress(Optional<String> trustedProxies) {
        List<byte[]> t = new ArrayList<>();
        for (String p : trustedProxies.orElse("").split(",")) {
            byte[] b = Networks.literal(p.trim());
            if (!p.isBlank() && b == null) {
                throw new IllegalArgumentException("temso.trace.trusted-proxies: not an IP address: " + p.trim());
            }
            if (b != null) {
                t.add(b);
            }
        }
        trusted = List.copyOf(t);
    }

    /** The client's address, given the connection's address and the request's X-Forwarded-For header (or null). */
    String of(String remoteAddr, String forwardedFor) {
        if (trusted.isEmpty() || forwardedFor == null || !isTrusted(remoteAddr)) {
            return remoteAddr;
        }
        String[] hops = forwardedFor.split(",", 32); // a proxy chain is short; a longer header is not looked at whole
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].trim();
            if (Networks.literal(hop) == null) {
                return remoteAddr; // garbage in the chain: trust nothing in it
            }
            if (!isTrusted(hop)) {
                return hop;
            }
        }
        return remoteAddr;
    }

    private boolean isTrusted(String address) {
        byte[] b = Networks.literal(address);
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
