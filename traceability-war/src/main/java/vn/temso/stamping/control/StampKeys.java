package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.config.OwnerOnlyFile;
import vn.temso.platform.config.Settings;
import vn.temso.platform.persistence.ChangeSignal;
import vn.temso.platform.persistence.DerbyLifecycle;
import vn.temso.platform.persistence.PublicContent;
import vn.temso.platform.persistence.StorageFaults;
import vn.temso.platform.problem.Problems;
import vn.temso.stamp.StampSigner;
import vn.temso.stamp.key.Jwks;
import vn.temso.stamp.key.KeyLookup;
import vn.temso.stamp.key.PrivateKeySealer;
import vn.temso.stamp.key.SigningKey;
import vn.temso.stamp.key.SigningKeys;
import vn.temso.stamp.key.StampKey;
import vn.temso.stamping.entity.SigningKeyRecord;

/**
 * The platform's stamp signing keys. Keys belong to the platform, not to each cooperative: one published JWKS
 * lets any third party verify every Temso stamp, cooperatives never have to guard key material, and a
 * compromised key is revoked in one place. The key id inside each stamp still says which key signed it, so
 * rotation never invalidates printed stamps.
 */
@ApplicationScoped
public class StampKeys {

    private static final Logger LOG = Logger.getLogger(StampKeys.class.getName());
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "temso.demo.enabled", defaultValue = "false")
    boolean demo;

    private volatile PrivateKeySealer sealer;
    private volatile StampSigner signer;
    /** The verifier's keys are re-read after this long even without a change signal (a missed poll, say). */
    private static final long LOOKUP_TTL_MS = 30_000;

    private volatile KeyLookup lookup;
    private volatile long lookupLoadedAt;
    private volatile long lookupGeneration;
    private List<StampKey> lookupKeys;
    private final Object lookupLock = new Object();

    @Inject
    ChangeSignal changes;

    @Inject
    StampKeys self; // lookup() runs without a transaction; its reload goes through the proxy to get one

    @jakarta.annotation.Resource
    jakarta.transaction.TransactionSynchronizationRegistry txRegistry;

    /** Creates the first key when none exists and a secret is configured. */
    @Transactional
    public void ensureActiveKey() {
        if (sealer().isEmpty()) {
            LOG.warning("TEMSO_STAMP_KEY_SECRET is not set: stamps can be verified but not issued");
            return;
        }
        if (em.createQuery("SELECT COUNT(k) FROM SigningKeyRecord k WHERE k.status = :s", Long.class)
                        .setParameter("s", SigningKeyRecord.Status.ACTIVE)
                        .getSingleResult()
                == 0) {
            rotate();
        }
    }

    /** A new key signs from now on; the previous one is retired and keeps verifying. */
    @Transactional
    public SigningKeyRecord rotate() {
        PrivateKeySealer s = sealer().orElseThrow(() ->
                new Problems.NotConfigured("Stamp signing is not configured: set TEMSO_STAMP_KEY_SECRET"));
        SigningKey key;
        do {
            key = SigningKeys.generate();
        } while (em.find(SigningKeyRecord.class, key.kid()) != null); // kids are short: never reuse one
        Instant now = clock.instant();
        em.createQuery("SELECT k FROM SigningKeyRecord k WHERE k.status = :s", SigningKeyRecord.class)
                .setParameter("s", SigningKeyRecord.Status.ACTIVE)
                .getResultList()
                .forEach(k -> k.retire(now));
        SigningKeyRecord record =
                new SigningKeyRecord(key.kid(), B64.encodeToString(key.publicKey()), s.seal(key), now);
        em.persist(record);
        keysChanged();
        changes.changed();
        LOG.info(() -> "New stamp signing key " + record.getKid());
        return record;
    }

    @Transactional
    public SigningKeyRecord revoke(String kid) {
        SigningKeyRecord k = kid == null ? null : em.find(SigningKeyRecord.class, kid);
        if (k == null) {
            throw new Problems.NotFound("Signing key", kid);
        }
        boolean wasActive = k.getStatus() == SigningKeyRecord.Status.ACTIVE;
        k.revoke(clock.instant());
        keysChanged();
        changes.changed();
        LOG.warning(() -> "Stamp signing key " + kid + " revoked: its stamps now verify as not genuine");
        if (wasActive && sealer().isPresent()) {
            rotate();
        }
        return k;
    }

    @Transactional
    public List<SigningKeyRecord> all() {
        return em.createQuery("SELECT k FROM SigningKeyRecord k ORDER BY k.createdAt DESC", SigningKeyRecord.class)
                .getResultList();
    }

    /**
     * The signer of the active key, unsealed once per key and cached. Which key is active is read from the database at
     * every call (one indexed read; a call per chunk of an issuing job): another clustered instance may have rotated
     * or revoked it a moment ago, and a stamp must never be signed with a key that is already retired or revoked.
     */
    @Transactional
    public StampSigner signer() {
        String activeKid = em.createQuery("SELECT k.kid FROM SigningKeyRecord k WHERE k.status = :s", String.class)
                .setParameter("s", SigningKeyRecord.Status.ACTIVE)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new Problems.NotConfigured("No active signing key"));
        StampSigner s = signer;
        if (s == null || !s.kid().equals(activeKid)) {
            PrivateKeySealer seal = sealer().orElseThrow(() ->
                    new Problems.NotConfigured("Stamp signing is not configured: set TEMSO_STAMP_KEY_SECRET"));
            SigningKeyRecord active = em.find(SigningKeyRecord.class, activeKid);
            s = new StampSigner(seal.unseal(active.getKid(), active.getSealedPrivateKey()));
            signer = s;
        }
        return s;
    }

    /**
     * Public keys, revoked ones marked, as the verifier needs them. Read on every scan, so kept in memory without a
     * transaction: re-read (by one thread) after any change of public content here or, through {@link ChangeSignal},
     * on another instance, and after the TTL at the latest. The same instance is returned as long as the keys are
     * the same, so callers may key their own caches on it.
     */
    public KeyLookup lookup() {
        KeyLookup l = lookup;
        if (l != null
                && lookupGeneration == PublicContent.generation()
                && System.currentTimeMillis() - lookupLoadedAt <= LOOKUP_TTL_MS) {
            return l;
        }
        synchronized (lookupLock) {
            long generation = PublicContent.generation(); // read before the keys: a change meanwhile re-reads them
            if (lookup != null
                    && lookupGeneration == generation
                    && System.currentTimeMillis() - lookupLoadedAt <= LOOKUP_TTL_MS) {
                return lookup;
            }
            List<StampKey> keys;
            try {
                keys = self.currentKeys();
            } catch (RuntimeException e) {
                if (lookup != null && lookupGeneration == generation && StorageFaults.isStorageFault(e)) {
                    // the database is unreachable and nothing changed here: trace pages keep verifying with the keys
                    // read last (a revocation made elsewhere meanwhile shows once the database is back)
                    return lookup;
                }
                throw e;
            }
            if (lookup == null || !keys.equals(lookupKeys)) { // StampKey compares kid, key bytes and revocation
                lookup = kid -> keys.stream().filter(k -> k.kid().equals(kid)).findFirst();
                lookupKeys = keys;
            }
            lookupGeneration = generation;
            lookupLoadedAt = System.currentTimeMillis();
            return lookup;
        }
    }

    /** Forgets cached keys now and after the current transaction ends (a scan may have re-read the old state meanwhile). */
    private void keysChanged() {
        signer = null;
        lookup = null;
        txRegistry.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                signer = null;
                lookup = null;
            }
        });
    }

    /** The public keys as they are in the database (for {@link #lookup()}). */
    @Transactional
    public List<StampKey> currentKeys() {
        return publicKeys();
    }

    @Transactional
    public String jwksJson() {
        return new Jwks(publicKeys()).toJson();
    }

    private List<StampKey> publicKeys() {
        return all().stream()
                .map(k -> k.getStatus() == SigningKeyRecord.Status.REVOKED
                        ? StampKey.revoked(k.getKid(), B64D.decode(k.getPublicKey()), k.getRevokedAt())
                        : StampKey.active(k.getKid(), B64D.decode(k.getPublicKey())))
                .toList();
    }

    private volatile byte[] scanSalt;

    /**
     * Key for hashing scanners' address and user agent: derived from the configured secret, so hashes stay
     * comparable across restarts and instances but cannot be reversed by trying every IPv4 address.
     */
    public byte[] scanSalt() {
        byte[] salt = scanSalt;
        if (salt == null) {
            String secret = Settings.get("temso.stamp.key-secret").orElseGet(this::demoSecret);
            try {
                if (secret == null) {
                    salt = new byte[32];
                    new SecureRandom().nextBytes(salt); // no secret: hashes are comparable until restart only
                } else {
                    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
                    mac.init(
                            new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                    salt = mac.doFinal("temso-scan-salt-v1".getBytes(StandardCharsets.US_ASCII));
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            scanSalt = salt;
        }
        return salt;
    }

    private Optional<PrivateKeySealer> sealer() {
        PrivateKeySealer s = sealer;
        if (s == null) {
            String secret = Settings.get("temso.stamp.key-secret").orElseGet(this::demoSecret);
            if (secret == null) {
                return Optional.empty();
            }
            s = PrivateKeySealer.fromSecret(secret);
            sealer = s;
        }
        return Optional.of(s);
    }

    /**
     * Demo mode only: a random secret kept in the data directory (owner-readable), so the demo works with zero
     * set-up. Production sets TEMSO_STAMP_KEY_SECRET and nothing is written.
     */
    private String demoSecret() {
        if (!demo) {
            return null;
        }
        Path file = DerbyLifecycle.dataDirectory().resolve("demo-stamp-key-secret");
        try {
            boolean fresh = !Files.exists(file);
            // created owner-only and complete in one step: never readable by others, not even for a moment
            String secret = OwnerOnlyFile.readOrCreate(file, () -> {
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                return B64.encodeToString(random);
            });
            if (fresh) {
                LOG.warning("Demo mode: generated a stamp key secret in " + file
                        + "; set TEMSO_STAMP_KEY_SECRET in production");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
