package vn.temso.portal.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.Batch;
import vn.temso.platform.problem.Problems;
import vn.temso.portal.entity.PortalOutboxEntry;

/**
 * The national-portal record of a lot: built and mapped for a reader ({@link #snapshot}), and queued when its content
 * changed ({@link #rebuild}, by the scheduler).
 */
@ApplicationScoped
@Transactional
public class PortalSync {

    @PersistenceContext
    EntityManager em;

    @Inject
    Batches batches;

    @Inject
    PortalRecords records;

    @Inject
    PortalSettings settings;

    @Inject
    PortalOutbox outbox;

    @Inject
    PortalLots lots;

    @Inject
    Clock clock;

    /** A lot's record as mapped now, its content hash, and the newest version queued for it (or null). */
    public record Snapshot(Batch batch, PortalMapping.Mapped mapped, String contentHash, PortalOutboxEntry queued) {
        /** Whether the newest queued version is the record as it stands. */
        public boolean upToDate() {
            return queued != null && queued.getContentHash().equals(contentHash);
        }
    }

    /** The record of a lot the caller may read (404 otherwise, as for the lot itself). */
    public Snapshot snapshot(String batchId) {
        if (batchId == null || batchId.length() > 36) {
            throw new Problems.NotFound("Batch", String.valueOf(batchId));
        }
        Batch b = batches.readable(batchId);
        PortalMapping mapping;
        try {
            mapping = settings.mapping();
        } catch (PortalMapping.InvalidMapping e) {
            throw new Problems.NotConfigured("The national-portal mapping cannot be used: " + e.getMessage());
        }
        PortalMapping.Mapped mapped = mapping.apply(json(b));
        return new Snapshot(b, mapped, contentHash(mapped), outbox.latest(b.getId()));
    }

    /**
     * Builds a lot's record and queues it if its content changed since the newest version queued; then records the
     * generation built (the lot stays marked if something changed it meanwhile).
     *
     * @return the new outbox row, or null when nothing changed
     */
    public PortalOutboxEntry rebuild(String batchId, long generation) {
        Batch b = em.find(Batch.class, batchId);
        PortalOutboxEntry queued = null;
        if (b != null) {
            PortalMapping.Mapped mapped = settings.mapping().apply(json(b));
            queued = outbox.queue(
                    b.getId(),
                    b.getCooperative().getId(),
                    contentHash(mapped),
                    mapped.payload().toString(),
                    mapped.complete() ? null : missingJson(mapped.missing()),
                    clock.instant());
        }
        lots.built(batchId, generation, clock.instant());
        return queued;
    }

    private JsonObject json(Batch b) {
        return RecordJson.toJson(records.build(b)).asJsonObject();
    }

    /**
     * SHA-256 (hex) of the payload as sent and of the required fields it lacks: a version is queued again when
     * either changes (a field filled in; a mapping that no longer requires one).
     */
    static String contentHash(PortalMapping.Mapped mapped) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
        sha.update(mapped.payload().toString().getBytes(StandardCharsets.UTF_8));
        for (PortalMapping.Missing m : mapped.missing()) {
            sha.update((byte) 0);
            sha.update(m.field().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The missing fields as stored on a HELD row: [{field, source, message: {vi, en}}]. */
    static String missingJson(List<PortalMapping.Missing> missing) {
        JsonArrayBuilder a = JSON.createArrayBuilder();
        for (PortalMapping.Missing m : missing) {
            a.add(JSON.createObjectBuilder()
                    .add("field", m.field())
                    .add("source", m.source())
                    .add("message", JSON.createObjectBuilder().add("vi", m.vi()).add("en", m.en())));
        }
        return a.build().toString();
    }
}
