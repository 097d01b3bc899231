package vn.temso.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchEvent;
import vn.temso.batch.entity.DiaryEntryAdded;
import vn.temso.batch.entity.Season;
import vn.temso.batch.entity.SeasonEntry;
import vn.temso.platform.domain.RuleBroken;
import vn.temso.platform.persistence.ClientIds;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.security.Tenancy;
import vn.temso.zone.control.Zones;
import vn.temso.zone.entity.MaterialZone;

/**
 * Seasons of a zone and the diary written against zone + season before any batch exists. Managers start seasons;
 * managers and members write the diary. An entry written in a season that batches already took joins their diaries
 * too, announced as their {@link DiaryEntryAdded}.
 */
@ApplicationScoped
@Transactional
public class Seasons {

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Tenancy tenancy;

    @Inject
    Zones zones;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    Event<DiaryEntryAdded> diaryEntryAdded;

    /** The seasons of a zone the caller can read, latest first. */
    public List<Season> list(String zoneId) {
        MaterialZone zone = zones.readable(zoneId);
        return em.createQuery("SELECT s FROM Season s WHERE s.zone = :z ORDER BY s.startsOn DESC", Season.class)
                .setParameter("z", zone)
                .getResultList();
    }

    /** A season of that zone the caller can read; another zone's season is "not found" here. */
    public Season readable(String zoneId, String seasonId) {
        Season s = tenancy.readable(Season.class, seasonId, "Season", Season::getCooperative);
        if (!s.getZone().getId().equals(zoneId)) {
            throw new Problems.NotFound("Season", seasonId);
        }
        return s;
    }

    public Season create(String zoneId, SeasonCommand c) {
        MaterialZone zone = zones.manageable(zoneId);
        Caller caller = current.require();
        Season s = new Season(
                zone, c.name(), c.crop(), c.startsOn(), c.endsOn(), c.clientId(), caller.username(), clock.instant());
        refuseOverlap(s, zone);
        em.persist(s);
        em.flush(); // a second request with the same client id fails here, inside this call
        audit.record(zone.getCooperative(), "create", "season", s.getId(), zone.getCode() + " " + s.getName());
        return s;
    }

    public Season update(String zoneId, String seasonId, SeasonCommand c) {
        Season s = readable(zoneId, seasonId);
        tenancy.requireManage(s.getCooperative());
        s.describe(c.name(), c.crop(), c.startsOn(), c.endsOn());
        refuseOverlap(s, s.getZone());
        audit.record(
                s.getCooperative(), "update", "season", s.getId(), s.getZone().getCode() + " " + s.getName());
        return s;
    }

    private void refuseOverlap(Season s, MaterialZone zone) {
        for (Season other : em.createQuery("SELECT s FROM Season s WHERE s.zone = :z AND s.id <> :id", Season.class)
                .setParameter("z", zone)
                .setParameter("id", s.getId())
                .getResultList()) {
            if (other.overlaps(s.getStartsOn(), s.getEndsOn())) {
                throw new RuleBroken(
                        "season-overlap",
                        "zone " + zone.getCode() + " already has season " + other.getName() + " from "
                                + other.getStartsOn() + (other.getEndsOn() == null ? "" : " to " + other.getEndsOn())
                                + "; the seasons of a zone do not overlap");
            }
        }
    }

    /** The season this client id made, if it was made on that zone; 409 if the id names another record. */
    public Optional<Season> byClientId(String zoneId, String clientId) {
        MaterialZone zone = zones.readable(zoneId);
        return ClientIds.sameTarget(
                em, Season.class, clientId, s -> s.getZone().getId().equals(zone.getId()));
    }

    public List<SeasonEntry> entries(String zoneId, String seasonId) {
        return readable(zoneId, seasonId).getEntries();
    }

    public SeasonEntry addEntry(String zoneId, String seasonId, EventCommand r) {
        Season s = readable(zoneId, seasonId);
        Caller caller = current.require();
        if (!caller.canRecordDiary(
                s.getCooperative().getId(), s.getCooperative().getCommuneKey())) {
            throw new Problems.Forbidden("Your role (" + caller.role() + ") may not write this cooperative's diary");
        }
        // one writer of a season at a time, and batches taking the season (which lock it too) see this entry or wait
        em.refresh(s, LockModeType.PESSIMISTIC_WRITE);
        SeasonEntry e = s.addEntry(
                r.toNewEvent(caller.username(), r.zoneId() == null ? null : zones.readable(r.zoneId())),
                clock.instant());
        em.persist(e);
        em.flush(); // a second request with the same client id fails here, inside this call
        audit.record(
                s.getCooperative(),
                "event",
                "season",
                s.getId(),
                r.type() + " in season " + s.getName() + " of zone "
                        + s.getZone().getCode()
                        + (r.correctsEventId() == null ? "" : " correcting " + r.correctsEventId()));
        for (Batch b : em.createQuery("SELECT b FROM Batch b JOIN b.seasons s WHERE s = :s", Batch.class)
                .setParameter("s", s)
                .getResultList()) {
            BatchEvent copy = b.takeSeasonEntry(e);
            if (copy != null) {
                em.persist(copy);
                diaryEntryAdded.fire(new DiaryEntryAdded(copy));
            }
        }
        return e;
    }

    /** The season entry this client id made, if it was written in that season; 409 if the id names another record. */
    public Optional<SeasonEntry> entryByClientId(String zoneId, String seasonId, String clientId) {
        Season target = readable(zoneId, seasonId);
        return ClientIds.sameTarget(
                em, SeasonEntry.class, clientId, e -> e.getSeason().getId().equals(target.getId()));
    }
}
