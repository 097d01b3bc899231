package vn.temso.batch.control;

import java.time.LocalDate;

/**
 * Start (or describe again) a season of a zone: its name (Đông Xuân 2026–2027), the crop, its first day and, once
 * known, its last. Owned by the control layer; the API's {@code SeasonRequest} maps to it.
 *
 * @param clientId a UUID the client generated: sending the same season again answers the one made the first time
 */
public record SeasonCommand(String name, String crop, LocalDate startsOn, LocalDate endsOn, String clientId) {}
