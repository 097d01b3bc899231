package vn.temso.stamp.key;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class PrivateKeySealerTest {

    private static final String SECRET = "q3Jm5cYJ0lq1o9d8mFzJmC0x2Lb9oVQ4kP7sW2uE6aA=";
    private static final byte[] SEED =
            HexFormat.of().parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    private final PrivateKeySealer sealer = PrivateKeySealer.fromSecret(SECRET);
    private final SigningKey key = SigningKeys.fromSeed(SEED);

    @Test
    void shouldRoundTrip() {
        String sealed = sealer.seal(key);
        assertTrue(sealed.startsWith("tsk1."), sealed);
        SigningKey opened = PrivateKeySealer.fromSecret(SECRET).unseal(key.kid(), sealed);
        assertEquals(key.kid(), opened.kid());
        assertArrayEquals(key.publicKey(), opened.publicKey());
        byte[] message = {1, 2, 3};
        assertArrayEquals(key.sign(message), opened.sign(message));
    }

    @Test
    void shouldUseFreshSaltAndNonceAndNeverHoldTheKeyInClear() {
        String first = sealer.seal(key);
        assertNotEquals(first, sealer.seal(key));
        String b64 = Base64.getUrlEncoder().withoutPadding().encodeToString(SEED);
        String std = Base64.getEncoder().encodeToString(SEED);
        String hex = HexFormat.of().formatHex(SEED);
        for (String leak : new String[] {b64, std, hex, b64.substring(0, 12)}) {
            assertFalse(first.contains(leak));
        }
    }

    @Test
    void shouldFailWithTheWrongSecret() {
        String sealed = sealer.seal(key);
        SealedKeyException e = assertThrows(
                SealedKeyException.class,
                () -> PrivateKeySealer.fromSecret(SECRET.replace('q', 'r')).unseal(key.kid(), sealed));
        assertNoSecrets(e.getMessage());
        assertEquals(null, e.getCause());
    }

    @Test
    void shouldFailWhenAnyPartIsTamperedOrTheKidDiffers() {
        String sealed = sealer.seal(key);
        String[] parts = sealed.split("\\.");
        for (int part = 1; part < 4; part++) {
            String p = parts[part];
            char flipped = p.charAt(5) == 'A' ? 'B' : 'A';
            String[] copy = parts.clone();
            copy[part] = p.substring(0, 5) + flipped + p.substring(6);
            String tampered = String.join(".", copy);
            assertThrows(SealedKeyException.class, () -> sealer.unseal(key.kid(), tampered), "part " + part);
        }
        assertThrows(SealedKeyException.class, () -> sealer.unseal("FtI", sealed));
        assertThrows(SealedKeyException.class, () -> sealer.unseal(key.kid(), "tsk2" + sealed.substring(4)));
        assertThrows(SealedKeyException.class, () -> sealer.unseal(key.kid(), sealed + "AA"));
        assertThrows(SealedKeyException.class, () -> sealer.unseal(key.kid(), "garbage"));
        assertThrows(SealedKeyException.class, () -> sealer.unseal(key.kid(), null));
    }

    @Test
    void shouldKeepSecretsOutOfToStringAndMessages() {
        assertNoSecrets(sealer.toString());
        assertNoSecrets(key.toString());
        assertEquals("SigningKey[kid=kPr]", key.toString());
        IllegalArgumentException shortSecret =
                assertThrows(IllegalArgumentException.class, () -> PrivateKeySealer.fromSecret("tooShortSecret123"));
        assertFalse(shortSecret.getMessage().contains("tooShortSecret123"));
        assertThrows(IllegalArgumentException.class, () -> PrivateKeySealer.fromSecret(null));
    }

    private static void assertNoSecrets(String text) {
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains(HexFormat.of().formatHex(SEED)), text);
        assertFalse(text.contains(Base64.getUrlEncoder().withoutPadding().encodeToString(SEED)), text);
    }
}
