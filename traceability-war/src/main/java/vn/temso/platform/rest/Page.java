package vn.temso.platform.rest;

import java.util.List;

/** One page of a list; {@code total} counts every match so clients can page. */
public record Page<T>(List<T> items, int page, int size, long total) {}
