package vn.temso.printing.boundary;

import java.time.Instant;
import vn.temso.printing.entity.PrintJob;

/** A print job as the API shows it; {@code download} is set once the file is ready. */
public record PrintJobView(String id, String batchId, String status, String format, String template, int dpi,
                           int startPosition, boolean cutMarks, int count, Integer fromSeq, Integer toSeq,
                           boolean reprint, int labelsDone, int percent, int pages, long bytes, String error,
                           String createdBy, Instant createdAt, Instant finishedAt, String download) {

    static PrintJobView of(PrintJob j) {
        return new PrintJobView(j.getId(), j.getBatchId(), j.getStatus().name(), j.getFormat().name(),
                j.getTemplateName(), j.getDpi(), j.getStartPosition(), j.isCutMarks(), j.getLabelCount(),
                j.getFromSeq(), j.getToSeq(), j.isReprint(), j.getLabelsDone(), j.percent(), j.getPages(),
                j.getFileBytes(), j.getError(), j.getCreatedBy(), j.getCreatedAt(), j.getFinishedAt(),
                j.getStatus() == PrintJob.Status.DONE ? "/api/print-jobs/" + j.getId() + "/download" : null);
    }
}
