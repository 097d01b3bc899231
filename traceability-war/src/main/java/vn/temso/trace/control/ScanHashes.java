package vn.temso.trace.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed hashes (HMAC-SHA256 under the server's scan salt) of who scanned: comparable, not reversible. */
public final class ScanHashes {

    /** Who scanned, as the clone rules and the scan rows know it: never an address. */
    public record Scanner(String clientHash, String networkHash) {}

    private final byte[] salt;
    private final ThreadLocal<Mac> mac = new ThreadLocal<>();

    public ScanHashes(byte[] salt) {
        this.salt = salt.clone();
    }

    /**
     * The scanner at this address: the address's hash (stored with the scan, counted by no rule) and its network's
     * (IPv4 /24, IPv6 /48, see {@link Networks}; what the clone rules count). The user agent is part of neither:
     * any client sends any user agent it likes, so it tells nothing about who scanned.
     */
    public Scanner scanner(String address) {
        return new Scanner(hmac(address + "|"), hmac("network|" + Networks.prefix(address)));
    }

    public String hmac(String value) {
        try {
            Mac m = mac.get();
            if (m == null) {
                m = Mac.getInstance("HmacSHA256");
                m.init(new SecretKeySpec(salt, "HmacSHA256"));
                mac.set(m);
            }
            return HexFormat.of().formatHex(m.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
