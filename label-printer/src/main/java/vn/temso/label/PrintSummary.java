package vn.temso.label;

/**
 * What a writer produced.
 *
 * @param labels labels printed (calibration outlines and skipped positions not counted)
 * @param pages  PDF pages or ZPL labels written, calibration page included
 * @param bytes  bytes written to the output stream
 */
public record PrintSummary(long labels, int pages, long bytes) {}
