package vn.temso.printing.entity;

/** Fact: a print job finished: its labels (stamps {@code fromSeq..toSeq} of its batch) are printed. */
public record LabelsPrinted(PrintJob job) {}
