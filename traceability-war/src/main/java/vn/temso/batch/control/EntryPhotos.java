package vn.temso.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.EntryPhoto;
import vn.temso.batch.entity.Season;
import vn.temso.batch.entity.SeasonEntry;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.persistence.ClientIds;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;

/**
 * Photos of season diary entries: uploaded from the phone (JPEG or PNG, at most {@value #MAX_UPLOAD} bytes), stored
 * resized and stripped of their metadata ({@link PhotoImages}) in the file store; the location kept only when asked.
 */
@ApplicationScoped
@Transactional
public class EntryPhotos {

    public static final long MAX_UPLOAD = 12L * 1024 * 1024;
    public static final Set<String> TYPES = Set.of("image/jpeg", "image/png");

    @PersistenceContext
    EntityManager em;

    @Inject
    Seasons seasons;

    @Inject
    FileStore files;

    @Inject
    CurrentCaller current;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    private SeasonEntry entry(String zoneId, String seasonId, String entryId) {
        Season s = seasons.readable(zoneId, seasonId);
        return s.getEntries().stream()
                .filter(e -> e.getId().equals(entryId))
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("Diary entry", entryId));
    }

    /**
     * The photo a client id stored on that entry, if any (for {@code Idempotent}); a client id used for another
     * entry's photo is 409.
     */
    public Optional<EntryPhoto> byClientId(String zoneId, String seasonId, String entryId, String clientId) {
        SeasonEntry e = entry(zoneId, seasonId, entryId);
        return ClientIds.sameTarget(
                em, EntryPhoto.class, clientId, p -> p.getEntry().getId().equals(e.getId()));
    }

    /** @param clientId the uploading client's UUID for this photo, or null */
    public EntryPhoto add(
            String zoneId,
            String seasonId,
            String entryId,
            String contentType,
            InputStream in,
            boolean keepLocation,
            String clientId) {
        SeasonEntry e = entry(zoneId, seasonId, entryId);
        Caller caller = current.require();
        if (!caller.canRecordDiary(
                e.getSeason().getCooperative().getId(),
                e.getSeason().getCooperative().getCommuneKey())) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not write this cooperative's diary");
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw new Problems.ValidationFailed(PhotoImages.FIELD, "A photo is sent as image/jpeg or image/png");
        }
        byte[] upload = PhotoImages.read(in, MAX_UPLOAD);
        PhotoImages.Processed p = PhotoImages.process(upload, keepLocation);
        EntryPhoto photo = new EntryPhoto(
                e,
                p.width(),
                p.height(),
                p.jpeg().length,
                p.location() == null ? null : p.location().latitude(),
                p.location() == null ? null : p.location().longitude(),
                caller.username(),
                clock.instant(),
                clientId);
        em.persist(photo);
        try {
            files.write(photo.fileKey(), "image/jpeg", out -> out.write(p.jpeg()));
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        audit.record(
                e.getSeason().getCooperative(), "photo", "season", e.getSeason().getId(), "photo of entry " + entryId);
        return photo;
    }

    public List<EntryPhoto> list(String zoneId, String seasonId, String entryId) {
        SeasonEntry e = entry(zoneId, seasonId, entryId);
        return em.createQuery("SELECT p FROM EntryPhoto p WHERE p.entry = :e ORDER BY p.createdAt", EntryPhoto.class)
                .setParameter("e", e)
                .getResultList();
    }

    /** Public path of a photo of a season entry some batch took (its trace page shows it). */
    public static String publicUrl(String photoId) {
        return "/diary-photos/" + photoId;
    }

    /** The public URLs of the photos of the season entries a batch took, by season entry id. */
    public Map<String, List<String>> publicUrls(Batch b) {
        List<String> entryIds = b.getEvents().stream()
                .map(BatchEvent::getSeasonEntryId)
                .filter(id -> id != null)
                .toList();
        if (entryIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<String>> urls = new HashMap<>();
        for (Object[] row : em.createQuery(
                        "SELECT p.entry.id, p.id FROM EntryPhoto p WHERE p.entry.id IN :ids ORDER BY p.createdAt",
                        Object[].class)
                .setParameter("ids", entryIds)
                .getResultList()) {
            urls.computeIfAbsent((String) row[0], k -> new ArrayList<>()).add(publicUrl((String) row[1]));
        }
        return urls;
    }

    /**
     * The JPEG of a photo anyone may see: one of a season entry that a batch took (so it is on a trace page); others
     * are not found.
     */
    public Optional<byte[]> publicJpeg(String photoId) {
        EntryPhoto p = em.find(EntryPhoto.class, photoId);
        if (p == null
                || em.createQuery("SELECT COUNT(e) FROM BatchEvent e WHERE e.seasonEntryId = :s", Long.class)
                                .setParameter("s", p.getEntry().getId())
                                .getSingleResult()
                        == 0) {
            return Optional.empty();
        }
        return files.find(p.fileKey()).map(f -> {
            try (InputStream in = files.open(f)) {
                return in.readAllBytes();
            } catch (IOException x) {
                throw new UncheckedIOException(x);
            }
        });
    }

    /** The stored JPEG of a photo of that entry. */
    public byte[] jpeg(String zoneId, String seasonId, String entryId, String photoId) {
        EntryPhoto photo = list(zoneId, seasonId, entryId).stream()
                .filter(p -> p.getId().equals(photoId))
                .findFirst()
                .orElseThrow(() -> new Problems.NotFound("Photo", photoId));
        StoredFile f = files.find(photo.fileKey()).orElseThrow(() -> new Problems.NotFound("Photo", photoId));
        try (InputStream in = files.open(f)) {
            return in.readAllBytes();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }
}
