package vn.temso.stats.control;

import vn.temso.platform.text.Texts;

/**
 * What a report is asked for: the days, and optionally one commune (matched as the cooperatives' commune key) and one
 * cooperative. Both narrow what the caller may read; neither widens it.
 */
public record StatsFilter(StatsRange range, String commune, String cooperativeId) {

    public StatsFilter {
        commune = Texts.clean(commune);
        cooperativeId = Texts.clean(cooperativeId);
    }

    public StatsFilter(StatsRange range) {
        this(range, null, null);
    }
}
