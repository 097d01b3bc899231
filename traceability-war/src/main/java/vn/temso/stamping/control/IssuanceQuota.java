package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.time.FarmTime;
import vn.temso.stamping.entity.IssuanceJob;

/**
 * Per-cooperative limits on issuing, so one account cannot fill the disk or hold both cores with parallel
 * 100,000-stamp jobs: at most {@code temso.stamp.max-running-jobs-per-cooperative} jobs running at once and
 * {@code temso.stamp.max-per-day-per-cooperative} stamps asked for per farm day (Asia/Ho_Chi_Minh; a failed job
 * counts what it issued). Beyond: 429 problem+json {@code quota/...} with Retry-After.
 */
@ApplicationScoped
public class IssuanceQuota {

    /** A 100,000-stamp job takes 7 to 15 s here: asking again after this is reasonable. */
    static final long RUNNING_RETRY_SECONDS = 30;

    public record Limits(int maxRunningJobs, long maxPerDay) {}

    /** What the cooperative has now: jobs running, stamps asked for (or issued, for failed jobs) today. */
    public record Usage(long runningJobs, long stampsToday) {}

    /** Today's jobs of one status: stamps asked for and issued (SUM is null when there are none). */
    public record DayTotal(IssuanceJob.Status status, Long requested, Long issued) {
        /** What counts against the day: what was asked for, or for a failed job what it issued. */
        long counted() {
            Long n = status == IssuanceJob.Status.FAILED ? issued : requested;
            return n == null ? 0 : n;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    @ConfigProperty(name = "temso.stamp.max-running-jobs-per-cooperative", defaultValue = "2")
    int maxRunningJobs;

    @Inject
    @ConfigProperty(name = "temso.stamp.max-per-day-per-cooperative", defaultValue = "1000000")
    long maxPerDay;

    @Inject
    Clock clock;

    /**
     * Refuses a job of {@code count} stamps for {@code coop} beyond its limits. Runs in the caller's transaction and
     * locks the cooperative's row until it commits, so two requests at once cannot both take the last place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void check(Cooperative coop, int count) {
        em.find(Cooperative.class, coop.getId(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        Instant dayStart = FarmTime.startOf(FarmTime.dateOf(now));
        String ofCoop = " AND j.batchId IN (SELECT b.id FROM Batch b WHERE b.cooperative.id = :c)";
        long running = em.createQuery("SELECT COUNT(j) FROM IssuanceJob j WHERE j.status = :r" + ofCoop, Long.class)
                .setParameter("r", IssuanceJob.Status.RUNNING)
                .setParameter("c", coop.getId())
                .getSingleResult();
        long today = 0;
        for (DayTotal row : em.createQuery(
                        "SELECT NEW vn.temso.stamping.control.IssuanceQuota.DayTotal(j.status,"
                                + " SUM(j.requested), SUM(j.issued)) FROM IssuanceJob j WHERE j.createdAt >= :since"
                                + ofCoop
                                + " GROUP BY j.status",
                        DayTotal.class)
                .setParameter("since", dayStart)
                .setParameter("c", coop.getId())
                .getResultList()) {
            today += row.counted();
        }
        decide(new Limits(maxRunningJobs, maxPerDay), new Usage(running, today), count, now);
    }

    /** The rule itself, without the database. */
    static void decide(Limits limits, Usage usage, int count, Instant now) {
        if (usage.runningJobs() >= limits.maxRunningJobs()) {
            throw new Problems.QuotaExceeded(
                    "running-jobs",
                    "This cooperative already has " + usage.runningJobs()
                            + " issuing jobs running (at most " + limits.maxRunningJobs()
                            + " at once, temso.stamp.max-running-jobs-per-cooperative); start this one when one has finished",
                    RUNNING_RETRY_SECONDS);
        }
        if (usage.stampsToday() + count > limits.maxPerDay()) {
            Instant tomorrow = FarmTime.startOf(FarmTime.dateOf(now).plusDays(1));
            long left = Math.max(0, limits.maxPerDay() - usage.stampsToday());
            throw new Problems.QuotaExceeded(
                    "stamps-per-day",
                    "This cooperative has asked for " + usage.stampsToday()
                            + " stamps today; at most " + limits.maxPerDay()
                            + " a day (temso.stamp.max-per-day-per-cooperative),"
                            + " so " + left + " more can be issued before midnight (Vietnam time)",
                    Math.max(1, Duration.between(now, tomorrow).toSeconds()));
        }
    }
}
