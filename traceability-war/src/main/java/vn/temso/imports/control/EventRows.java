package vn.temso.imports.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import vn.temso.batch.control.Batches;
import vn.temso.batch.control.EventCommand;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.imports.control.RowTarget.Outcome;
import vn.temso.imports.entity.ImportKey;
import vn.temso.platform.text.Texts;

/**
 * Diary rows through {@link Batches#addImportedEvent}. A row with the file's own entry id ("Mã nhật ký") is remembered in
 * {@link ImportKey}: the same row again changes nothing, a changed row is recorded as a correction of the entry (the
 * diary is never rewritten). A row without one is matched with the batch's entries by work, time, zone and input.
 */
@ApplicationScoped
public class EventRows {

    static final String KIND = "event";

    @PersistenceContext
    EntityManager em;

    @Inject
    Batches batches;

    @Inject
    Clock clock;

    /** One diary row: the batch it belongs to, the file's id of it (may be null) and the entry itself. */
    public record EventRow(String batchId, String cooperativeId, String clientId, EventCommand command) {}

    /** A row's key as stored: the entry it stands for and the fingerprint of its values. */
    private record Known(String keyId, String recordId, String fingerprint) {}

    public RowTarget<EventRow> target() {
        // the keys of each batch named by the file, read once per batch (the persistence context is cleared every few
        // hundred rows, so ids are kept, not entities)
        Map<String, Map<String, Known>> keysByBatch = new HashMap<>();
        return new RowTarget<>() {
            @Override
            public String key(EventRow r) {
                EventCommand c = r.command();
                return r.clientId() != null
                        ? r.batchId() + "/" + r.clientId()
                        : r.batchId() + "/" + c.type() + "/" + c.occurredAt() + "/" + c.zoneId() + "/"
                                + Texts.clean(c.inputName());
            }

            @Override
            public String keyColumn() {
                return "clientId";
            }

            @Override
            public Outcome apply(EventRow r) {
                return r.clientId() == null
                        ? withoutId(r)
                        : withId(r, key(r), keysByBatch.computeIfAbsent(r.batchId(), EventRows.this::keysOf));
            }
        };
    }

    private Outcome withoutId(EventRow r) {
        EventCommand c = r.command();
        List<BatchEvent> same = em.createQuery(
                        "SELECT e FROM BatchEvent e WHERE e.batch.id = :b AND e.type = :t AND e.occurredAt = :at",
                        BatchEvent.class)
                .setParameter("b", r.batchId())
                .setParameter("t", c.type())
                .setParameter("at", c.occurredAt())
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList();
        boolean known = same.stream()
                .anyMatch(e ->
                        Objects.equals(e.getZone() == null ? null : e.getZone().getId(), c.zoneId())
                                && Objects.equals(e.getInputName(), Texts.clean(c.inputName())));
        if (known) {
            return Outcome.UNCHANGED;
        }
        batches.addImportedEvent(r.batchId(), c);
        return Outcome.CREATED;
    }

    private Map<String, Known> keysOf(String batchId) {
        Map<String, Known> keys = new HashMap<>();
        em.createQuery(
                        "SELECT k.naturalKey, k.id, k.recordId, k.fingerprint FROM ImportKey k"
                                + " WHERE k.kind = :k AND k.naturalKey LIKE :prefix",
                        Object[].class)
                .setParameter("k", KIND)
                .setParameter("prefix", batchId + "/%")
                .setFlushMode(FlushModeType.COMMIT)
                .getResultList()
                .forEach(k -> keys.put((String) k[0], new Known((String) k[1], (String) k[2], (String) k[3])));
        return keys;
    }

    private Outcome withId(EventRow r, String naturalKey, Map<String, Known> keys) {
        String fingerprint = fingerprint(r.command());
        Known known = keys.get(naturalKey);
        if (known == null) {
            BatchEvent e = batches.addImportedEvent(r.batchId(), r.command());
            em.persist(new ImportKey(KIND, r.cooperativeId(), naturalKey, e.getId(), fingerprint, clock.instant()));
            return Outcome.CREATED;
        }
        if (known.fingerprint().equals(fingerprint)) {
            return Outcome.UNCHANGED;
        }
        ImportKey key = em.find(ImportKey.class, known.keyId());
        EventCommand c = r.command();
        BatchEvent correction = batches.addImportedEvent(
                r.batchId(),
                new EventCommand(
                        c.type(),
                        c.occurredAt(),
                        c.zoneId(),
                        c.actor(),
                        c.note(),
                        c.inputName(),
                        c.dose(),
                        c.preHarvestIntervalDays(),
                        key.getRecordId(),
                        c.partyName(),
                        c.partyGln(),
                        null));
        key.pointTo(correction.getId(), fingerprint, clock.instant());
        return Outcome.UPDATED;
    }

    static String fingerprint(EventCommand c) {
        String text = Stream.of(
                        c.type(),
                        c.occurredAt(),
                        c.zoneId(),
                        Texts.clean(c.actor()),
                        Texts.clean(c.note()),
                        Texts.clean(c.inputName()),
                        Texts.clean(c.dose()),
                        c.preHarvestIntervalDays(),
                        Texts.clean(c.partyName()),
                        Texts.clean(c.partyGln()))
                .map(v -> v == null ? "" : v.toString())
                .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
