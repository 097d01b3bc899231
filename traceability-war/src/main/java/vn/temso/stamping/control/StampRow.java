package vn.temso.stamping.control;

import vn.temso.stamping.entity.Stamp;

/** One stamp as exported for outside printers (CSV columns seq, serial, url, status), read by {@link StampRows}. */
public record StampRow(int seq, String serial, String url, Stamp.Status status) {}
