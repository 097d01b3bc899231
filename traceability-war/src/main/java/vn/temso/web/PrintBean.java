package vn.temso.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import vn.temso.batch.boundary.BatchView;
import vn.temso.batch.control.Batches;
import vn.temso.batch.entity.BatchStatus;
import vn.temso.cooperative.boundary.CooperativeView;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.label.template.SheetTemplate;
import vn.temso.label.template.TemplateLimits;
import vn.temso.label.template.Templates;
import vn.temso.platform.problem.ProblemException;
import vn.temso.platform.problem.Problems;
import vn.temso.printing.control.LabelOutput;
import vn.temso.printing.control.LabelTemplates;
import vn.temso.printing.control.PrintJobs;
import vn.temso.printing.control.PrintRunner;
import vn.temso.printing.entity.CustomTemplate;
import vn.temso.printing.entity.PrintJob;

/**
 * The commune staff's print page: choose a batch (of the cooperatives they may print for), a sheet template (a
 * preset or one of the cooperatives' own, with its calibration PDF) with a preview of the sheet and the starting
 * position, new labels or a reprint of a serial range; then a progress bar (page refresh, no JavaScript needed) and
 * the download. A second form saves a custom sheet template from its JSON.
 */
@Named
@ViewScoped
public class PrintBean implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Batches batches;

    @Inject
    transient PrintJobs printJobs;

    @Inject
    transient PrintRunner runner;

    @Inject
    transient LabelTemplates labelTemplates;

    @Inject
    transient Cooperatives cooperatives;

    @Inject
    transient Labels labels;

    /** A template in the choice list: a preset's name, or a custom template's id. */
    public record TemplateChoice(String value, String label) {}

    private String batchId;
    private String format = "PDF";
    private String template = "3x8-70x37";
    private Integer count = 24;
    private Integer fromSeq;
    private Integer toSeq;
    private Integer startPosition = 1;
    private boolean cutMarks;
    private String jobId;
    private String newTemplateCooperativeId;
    private String newTemplateJson;

    public List<BatchView> getBatches() {
        return Lists.choices(r -> batches.list(null, null, null, null, null, null, r)).stream()
                .filter(b -> b.getStatus() != BatchStatus.RECALLED)
                .map(BatchView::of)
                .toList();
    }

    public List<TemplateChoice> getTemplates() {
        List<TemplateChoice> choices = new ArrayList<>();
        Templates.sheetPresetNames().forEach(n -> choices.add(new TemplateChoice(n, n)));
        for (CustomTemplate t : custom()) {
            choices.add(new TemplateChoice(
                    t.getId(), t.getName() + " · " + t.getCooperative().getName()));
        }
        return choices;
    }

    private List<CustomTemplate> custom() {
        List<CustomTemplate> list = Ui.attempt("print", () -> labelTemplates.list(null));
        return list == null ? List.of() : list;
    }

    /** The chosen template's calibration page (a preset's name or a custom template's id). */
    public String getCalibrationLink() {
        return template == null
                ? null
                : "/app/print-calibration?template=" + URLEncoder.encode(template, StandardCharsets.UTF_8);
    }

    public boolean isCustomChosen() {
        return template != null && !Templates.sheetPresetNames().contains(template);
    }

    public List<CooperativeView> getCooperatives() {
        return Lists.choices(r -> cooperatives.list(null, null, r)).stream()
                .map(CooperativeView::of)
                .toList();
    }

    /** Saves the JSON as a custom template; every problem of it is shown next to the text area. */
    public void saveTemplate() {
        CustomTemplate saved = Ui.attempt("sheet", () -> {
            try {
                return labelTemplates.create(newTemplateCooperativeId, newTemplateJson);
            } catch (Problems.ValidationFailed e) {
                throw new Problems.ValidationFailed(
                        e.getMessage(),
                        e.violations().stream()
                                .map(v -> v.field().equals("cooperativeId")
                                        ? v
                                        : new ProblemException.Violation(
                                                "newTemplateJson", v.field() + ": " + v.message()))
                                .toList());
            }
        });
        if (saved != null) {
            template = saved.getId();
            newTemplateJson = null;
            Ui.info(Ui.text("print.custom.saved") + " " + saved.getName());
        }
    }

    public void deleteTemplate() {
        if (isCustomChosen() && Ui.run("print", () -> labelTemplates.delete(template))) {
            template = LabelOutput.DEFAULT_SHEET;
        }
    }

    /**
     * The chosen sheet as cells: true where a label will be printed, false for positions skipped. A valid template
     * has at most MAX_LABELS_PER_SHEET labels, and the preview never has more cells than that; an invalid one
     * (saved before the limits) has no preview.
     */
    public List<Boolean> getPreview() {
        List<Boolean> cells = new ArrayList<>();
        SheetTemplate t = sheet();
        if (t == null) {
            return cells;
        }
        long start = startPosition == null || startPosition < 1 ? 1 : startPosition;
        // long: toSeq - fromSeq + 1 and start + n overflow int for hostile numbers
        long n = fromSeq != null ? (toSeq == null ? 1 : (long) toSeq - fromSeq + 1) : count == null ? 0 : count;
        int shown = Math.min(t.labelsPerSheet(), TemplateLimits.MAX_LABELS_PER_SHEET);
        for (int i = 1; i <= shown; i++) {
            cells.add(i >= start && i < start + n);
        }
        return cells;
    }

    public int getColumns() {
        SheetTemplate t = sheet();
        return t == null ? 1 : t.columns();
    }

    public String getSheetDescription() {
        try {
            SheetTemplate t = chosenSheet();
            return MessageFormat.format(
                    Ui.text("print.sheet.describe"),
                    t.name(),
                    mm(t.pageWidthMm()),
                    mm(t.pageHeightMm()),
                    t.columns(),
                    t.rows(),
                    mm(t.labelWidthMm()),
                    mm(t.labelHeightMm()),
                    mm(t.leftMarginMm()),
                    mm(t.topMarginMm()),
                    mm(t.horizontalGapMm()),
                    mm(t.verticalGapMm()));
        } catch (ProblemException e) {
            return e.getMessage(); // e.g. a template saved before the limits: says why it cannot be printed
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Millimetres in the page language's way (0,5 in Vietnamese). */
    private String mm(double v) {
        return labels.number(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP));
    }

    private SheetTemplate sheet() {
        try {
            return chosenSheet();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private SheetTemplate chosenSheet() {
        return isCustomChosen()
                ? LabelTemplates.saved(labelTemplates.readable(template))
                : Templates.sheetPreset(template);
    }

    public void preview() {
        // re-renders the page with the chosen template and start position
    }

    public void print() {
        PrintJob job = Ui.attempt(
                "print",
                () -> printJobs.start(
                        batchId,
                        new PrintJobs.Order(
                                format,
                                template,
                                null,
                                startPosition,
                                cutMarks,
                                fromSeq == null ? count : null,
                                fromSeq,
                                fromSeq == null ? null : (toSeq == null ? fromSeq : toSeq))));
        if (job != null) {
            if (printJobs.runsInBackground(job)) {
                runner.submit(job.getId());
            } else {
                runner.run(job.getId());
            }
            Ui.redirect("/app/print.xhtml?job=" + job.getId());
        }
    }

    public PrintJob getJob() {
        return jobId == null ? null : Ui.attempt("print", () -> printJobs.job(jobId));
    }

    public List<PrintJob> getHistory() {
        PrintJob job = getJob();
        String b = batchId != null ? batchId : job == null ? null : job.getBatchId();
        return b == null ? List.of() : Ui.attempt("print", () -> Lists.choices(r -> printJobs.list(b, r)));
    }

    public String getBatchId() {
        return batchId;
    }

    public void setBatchId(String batchId) {
        this.batchId = batchId;
    }

    public String getFormat() {
        return format;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public String getTemplate() {
        return template;
    }

    public void setTemplate(String template) {
        this.template = template;
    }

    public Integer getCount() {
        return count;
    }

    public void setCount(Integer count) {
        this.count = count;
    }

    public Integer getFromSeq() {
        return fromSeq;
    }

    public void setFromSeq(Integer fromSeq) {
        this.fromSeq = fromSeq;
    }

    public Integer getToSeq() {
        return toSeq;
    }

    public void setToSeq(Integer toSeq) {
        this.toSeq = toSeq;
    }

    public Integer getStartPosition() {
        return startPosition;
    }

    public void setStartPosition(Integer startPosition) {
        this.startPosition = startPosition;
    }

    public boolean isCutMarks() {
        return cutMarks;
    }

    public void setCutMarks(boolean cutMarks) {
        this.cutMarks = cutMarks;
    }

    public String getNewTemplateCooperativeId() {
        return newTemplateCooperativeId;
    }

    public void setNewTemplateCooperativeId(String id) {
        this.newTemplateCooperativeId = id;
    }

    public String getNewTemplateJson() {
        return newTemplateJson;
    }

    public void setNewTemplateJson(String json) {
        this.newTemplateJson = json;
    }

    public String getJobId() {
        return jobId;
    }

    public void setJobId(String jobId) {
        this.jobId = jobId;
    }
}
