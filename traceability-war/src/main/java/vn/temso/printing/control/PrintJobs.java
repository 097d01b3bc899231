package vn.temso.printing.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.temso.audit.control.AuditLog;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.Batch;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.cooperative.entity.Cooperative;
import vn.temso.platform.files.FileStore;
import vn.temso.platform.files.StoredFile;
import vn.temso.platform.problem.Problems;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;
import vn.temso.platform.rest.Params;
import vn.temso.platform.security.Caller;
import vn.temso.platform.security.CurrentCaller;
import vn.temso.platform.time.FarmTime;
import vn.temso.printing.entity.CustomTemplate;
import vn.temso.printing.entity.PrintFormat;
import vn.temso.printing.entity.PrintJob;
import vn.temso.stamping.control.Stamps;
import vn.temso.stamping.entity.IssuanceJob;
import vn.temso.stamping.entity.Stamp;

/**
 * Use cases of label printing. Who may print: administrators, the cooperative's managers, and the commune staff of
 * the cooperative's commune (they print labels, though they may not change the registry). Others who can see the
 * batch (members) get 403; anyone else 404.
 */
@ApplicationScoped
@Transactional
public class PrintJobs {

    @Inject
    Clock clock;

    @Inject
    vn.temso.platform.jobs.JobLeases leases;

    @PersistenceContext
    EntityManager em;

    @Inject
    FileStore files;

    @Inject
    CurrentCaller current;

    @Inject
    Batches batches;

    @Inject
    Stamps stamps;

    @Inject
    AuditLog audit;

    @Inject
    LabelTemplates templates;

    @Inject
    @ConfigProperty(name = "temso.printing.background-threshold", defaultValue = "2000")
    int backgroundThreshold;

    @Inject
    @ConfigProperty(name = "temso.public.base-url")
    String baseUrl;

    /** What a client asks for; see the resource for the JSON. */
    public record Order(
            String format,
            String template,
            Integer dpi,
            Integer startPosition,
            Boolean cutMarks,
            Integer count,
            Integer fromSeq,
            Integer toSeq) {}

    public record Download(StoredFile file, String mediaType, String fileName) {}

    /** The one rule for signed stamp URLs: whoever may hold them may print them ({@link Caller#canHoldSignedStamps}). */
    public static boolean mayPrint(Caller c, Cooperative coop) {
        return c.canHoldSignedStamps(coop.getId(), coop.getCommuneKey());
    }

    private Batch printable(String batchId) {
        Batch b = batches.readable(batchId);
        Caller c = current.require();
        if (!mayPrint(c, b.getCooperative())) {
            throw new Problems.Forbidden("Your role (" + c.role() + ") may not print labels for this cooperative");
        }
        return b;
    }

    /** Records a print job (and starts issuing its stamps when it asks for new ones); the caller then runs it. */
    public PrintJob start(String batchId, Order o) {
        Batch b = printable(batchId);
        PrintFormat format = Params.enumOf(PrintFormat.class, "format", o.format());
        if (format == null) {
            throw new Problems.ValidationFailed("format", "format is required: PDF or ZPL");
        }
        // a preset by name, else one of the batch's cooperative's own templates by id or name (never another's)
        String wanted = o.template() == null ? null : o.template().strip();
        CustomTemplate custom = wanted == null || wanted.isEmpty() || LabelTemplates.isPresetName(wanted)
                ? null
                : templates.ofCooperative(b.getCooperative(), wanted);
        LabelOutput output = custom != null
                ? LabelOutput.of(
                        format,
                        custom.getName(),
                        LabelTemplates.saved(custom),
                        List.of(),
                        o.dpi(),
                        o.startPosition(),
                        o.cutMarks())
                : LabelOutput.of(
                        format,
                        wanted,
                        null,
                        templates.names(b.getCooperative()),
                        o.dpi(),
                        o.startPosition(),
                        o.cutMarks());
        boolean newStamps = o.count() != null;
        if (newStamps == (o.fromSeq() != null || o.toSeq() != null)) {
            throw new Problems.ValidationFailed(
                    "count",
                    "give either count (issue and print new stamps)"
                            + " or fromSeq and toSeq (reprint existing stamps)");
        }
        LabelContent content = LabelContent.of(b, FarmTime.today(clock));
        output.check(content.label(sampleUrl(b)));
        String who = current.require().username();
        PrintJob job;
        if (newStamps) {
            IssuanceJob issuing = stamps.startIssuing(b, o.count()); // same rules as issuing: open batch, active zones
            job = PrintJob.ofNewStamps(
                    b.getId(),
                    b.getCooperative().getId(),
                    format,
                    output.templateName(),
                    output.dpi(),
                    output.startPosition(),
                    output.cutMarks(),
                    o.count(),
                    issuing.getId(),
                    who,
                    clock.instant());
        } else {
            if (b.getStatus() == BatchStatus.RECALLED) {
                throw new Problems.RuleViolated(
                        "batch-recalled",
                        "Batch " + b.getLotCode() + " is recalled; its labels may not be printed again");
            }
            int from = o.fromSeq() == null ? 1 : o.fromSeq();
            int to = o.toSeq() == null ? from : o.toSeq();
            if (from < 1 || to < from || to - from >= Stamps.MAX_PER_JOB) {
                throw new Problems.ValidationFailed(
                        "fromSeq",
                        "fromSeq is 1 or more, not after toSeq, and at most " + Stamps.MAX_PER_JOB
                                + " stamps are printed at once");
            }
            Integer maxSeq = em.createQuery("SELECT MAX(s.seq) FROM Stamp s WHERE s.batch = :b", Integer.class)
                    .setParameter("b", b)
                    .getSingleResult();
            if (maxSeq == null || to > maxSeq) {
                throw new Problems.ValidationFailed(
                        "toSeq",
                        "Batch " + b.getLotCode() + " has "
                                + (maxSeq == null ? "no stamps yet" : "stamps 1 to " + maxSeq));
            }
            long active = em.createQuery(
                            "SELECT COUNT(s) FROM Stamp s WHERE s.batch = :b AND s.status = :a"
                                    + " AND s.seq BETWEEN :f AND :t",
                            Long.class)
                    .setParameter("b", b)
                    .setParameter("a", Stamp.Status.ACTIVE)
                    .setParameter("f", from)
                    .setParameter("t", to)
                    .getSingleResult();
            if (active == 0) {
                throw new Problems.ValidationFailed(
                        "fromSeq",
                        "Stamps " + from + " to " + to + " are all voided; voided stamps are never printed again");
            }
            job = PrintJob.reprintOf(
                    b.getId(),
                    b.getCooperative().getId(),
                    format,
                    output.templateName(),
                    output.dpi(),
                    output.startPosition(),
                    output.cutMarks(),
                    from,
                    to,
                    (int) active,
                    who,
                    clock.instant());
        }
        if (custom != null) {
            job.usesCustomTemplate(custom.getId(), custom.getSheetJson());
        }
        job.reserve(leases.reservation()); // for this instance's runner; another instance's sweeper waits it out
        em.persist(job);
        audit.record(
                b.getCooperative(),
                job.isReprint() ? "reprint" : "print",
                "batch",
                b.getId(),
                format + " " + output.templateName() + ": "
                        + (job.isReprint()
                                ? job.getLabelCount() + " labels, seq " + job.getFromSeq() + "-" + job.getToSeq()
                                : job.getLabelCount() + " new stamps")
                        + " of lot " + b.getLotCode() + " (print job "
                        + job.getId() + ")");
        return job;
    }

    /** A stamp URL as long as real ones, to lay out a trial label. */
    private String sampleUrl(Batch b) {
        return baseUrl + "/01/" + b.getProduct().getGtin() + "/10/" + b.getLotCode() + "/21/SAMPLE0000SAMPLE?kid=k0"
                + "&sig=" + "A".repeat(86);
    }

    /** Large jobs run in the background; small ones in the request, answering with the finished job. */
    public boolean runsInBackground(PrintJob job) {
        return job.getLabelCount() > backgroundThreshold;
    }

    public PrintJob job(String id) {
        PrintJob j = id == null ? null : em.find(PrintJob.class, id);
        if (j == null) {
            throw new Problems.NotFound("Print job", id);
        }
        try {
            batches.readable(j.getBatchId());
        } catch (Problems.NotFound e) {
            throw new Problems.NotFound("Print job", id);
        }
        return j;
    }

    /** The print history of a batch, newest first (reprints included and flagged). */
    public Page<PrintJob> list(String batchId, PageRequest page) {
        Batch b = batches.readable(batchId);
        List<PrintJob> items = em.createQuery(
                        "SELECT j FROM PrintJob j WHERE j.batchId = :b" + " ORDER BY j.createdAt DESC", PrintJob.class)
                .setParameter("b", b.getId())
                .setFirstResult(page.offset())
                .setMaxResults(page.size())
                .getResultList();
        long total = em.createQuery("SELECT COUNT(j) FROM PrintJob j WHERE j.batchId = :b", Long.class)
                .setParameter("b", b.getId())
                .getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** The finished file; only for those who may print (it is the labels themselves). */
    public Download download(String id) {
        PrintJob j = job(id);
        Batch b = printable(j.getBatchId());
        if (j.getStatus() != PrintJob.Status.DONE) {
            throw new Problems.Conflict("Print job " + id + " is " + j.getStatus()
                    + (j.getStatus() == PrintJob.Status.FAILED ? ": " + j.getError() : " (" + j.percent() + " %)")
                    + "; the file is ready when it is DONE");
        }
        StoredFile file = j.getFileDeletedAt() != null
                ? null
                : files.find(PrintFiles.keyOf(j)).orElse(null);
        if (file == null) {
            throw new Problems.Gone("The file of print job " + id + " was deleted"
                    + (j.getFileDeletedAt() == null
                            ? ""
                            : " on " + j.getFileDeletedAt().truncatedTo(ChronoUnit.SECONDS))
                    + " after the retention period (temso.print.retention-days); reprint stamps " + j.getFromSeq()
                    + "-" + j.getToSeq() + " of lot " + b.getLotCode() + " (fromSeq " + j.getFromSeq() + ", toSeq "
                    + j.getToSeq() + ") to print them again");
        }
        return new Download(file, j.getFormat().mediaType(), j.fileName(b.getLotCode()));
    }
}
