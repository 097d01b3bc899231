package vn.temso.printing.boundary;

import java.time.Instant;
import vn.temso.printing.entity.PrintJob;

/**
 * A print job as the API shows it; {@code download} is set once the file is ready, until the retention deletes it
 * ({@code fileDeletedAt}). {@code templateId} is set when a cooperative's custom template was used.
 */
public record PrintJobView(
        String id,
        String batchId,
        String status,
        String format,
        String template,
        String templateId,
        int dpi,
        int startPosition,
        boolean cutMarks,
        int count,
        Integer fromSeq,
        Integer toSeq,
        boolean reprint,
        int labelsDone,
        int percent,
        int pages,
        long bytes,
        String error,
        String createdBy,
        Instant createdAt,
        Instant finishedAt,
        Instant fileDeletedAt,
        String download) {

    static PrintJobView of(PrintJob j) {
        return new PrintJobView(
                j.getId(),
                j.getBatchId(),
                j.getStatus().name(),
                j.getFormat().name(),
                j.getTemplateName(),
                j.getTemplateId(),
                j.getDpi(),
                j.getStartPosition(),
                j.isCutMarks(),
                j.getLabelCount(),
                j.getFromSeq(),
                j.getToSeq(),
                j.isReprint(),
                j.getLabelsDone(),
                j.percent(),
                j.getPages(),
                j.getFileBytes(),
                j.getError(),
                j.getCreatedBy(),
                j.getCreatedAt(),
                j.getFinishedAt(),
                j.getFileDeletedAt(),
                j.getStatus() == PrintJob.Status.DONE && j.getFileDeletedAt() == null
                        ? "/api/print-jobs/" + j.getId() + "/download"
                        : null);
    }
}
