package vn.temso.stamp.key;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An Ed25519 private key with its key id. The private key never leaves this object except sealed by
 * {@link PrivateKeySealer}; {@link #toString()} shows the key id only. Thread-safe.
 */
public final class SigningKey {

    private final String kid;
    private final Ed25519PrivateKeyParameters privateKey;
    private final byte[] publicKey;

    SigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey().getEncoded();
        this.kid = SigningKeys.kidOf(publicKey);
    }

    public String kid() {
        return kid;
    }

    /** The 32-byte public key (RFC 8032 encoding, the JWK "x" value once base64url-encoded). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The public half as an active {@link StampKey}, for a JWKS. */
    public StampKey stampKey() {
        return StampKey.active(kid, publicKey);
    }

    /** Pure Ed25519 (RFC 8032) signature, 64 bytes, over the message. */
    public byte[] sign(byte[] message) {
        // a signer per call: Ed25519Signer buffers the message, so sharing one would not be thread-safe
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, privateKey);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    /** The 32-byte seed, for sealing only. */
    byte[] seed() {
        return privateKey.getEncoded();
    }

    @Override
    public String toString() {
        return "SigningKey[kid=" + kid + "]";
    }
}
