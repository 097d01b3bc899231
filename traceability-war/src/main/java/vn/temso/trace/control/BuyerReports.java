package vn.temso.trace.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.platform.problem.Problems;
import vn.temso.stamp.Verification;
import vn.temso.stamping.entity.Stamp;
import vn.temso.trace.entity.BuyerReport;

/**
 * Buyers' reports of suspected fakes and their feedback, from the trace page's form. Apart from {@link Traces} so
 * that the scan path stays free of transaction interceptors.
 */
@ApplicationScoped
public class BuyerReports {

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Traces traces;

    @Inject
    @ConfigProperty(name = "temso.report.max-per-hour", defaultValue = "5")
    int maxReportsPerHour;

    /** Stores a buyer's report for a stamp whose signature is genuine; rate-limited per client. */
    @Transactional
    public void report(String stampUrl, BuyerReport.Kind kind, Integer rating, String message, String clientHash) {
        Verification v = traces.verify(stampUrl);
        if (!v.isGenuine()) {
            throw new Problems.ValidationFailed("stamp", "This stamp URL is not a genuine Temso stamp");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new Problems.ValidationFailed("rating", "rating is 1 to 5");
        }
        long recent = em.createQuery(
                        "SELECT COUNT(r) FROM BuyerReport r WHERE r.clientHash = :c AND r.createdAt > :t", Long.class)
                .setParameter("c", clientHash)
                .setParameter("t", clock.instant().minus(Duration.ofHours(1)))
                .getSingleResult();
        if (recent >= maxReportsPerHour) {
            throw new Problems.TooManyRequests("Too many reports from this device; try again later", 3600);
        }
        Stamp stamp = Optional.ofNullable(em.find(
                        Stamp.class, Stamp.idFor(v.stamp().gtin14(), v.stamp().serial())))
                .orElseThrow(() -> new Problems.ValidationFailed("stamp", "This stamp was not issued by Temso"));
        em.persist(new BuyerReport(
                stamp.getId(),
                stamp.getBatch().getCooperative().getId(),
                kind,
                rating,
                message,
                clientHash,
                clock.instant()));
    }
}
