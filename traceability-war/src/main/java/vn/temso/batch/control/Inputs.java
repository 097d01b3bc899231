package vn.temso.batch.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.temso.batch.entity.BannedIngredients;
import vn.temso.cooperative.control.Cooperatives;
import vn.temso.platform.security.CurrentCaller;

/**
 * Inputs (pesticides, fertilisers) to offer while writing the diary: those the cooperative wrote before, each with
 * the pre-harvest interval it gave last, and the banned active ingredients matching what was typed, flagged.
 */
@ApplicationScoped
@Transactional
public class Inputs {

    /** How many of the cooperative's latest entries with an input are looked at. */
    static final int HISTORY = 2000;

    static final int MAX_SUGGESTIONS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    CurrentCaller current;

    @Inject
    Cooperatives cooperatives;

    /**
     * @param q             what was typed (matched on the start of words, accents and case aside); empty: the latest
     * @param cooperativeId whose history, for a caller of no cooperative (admin, commune staff); checked readable
     */
    public List<InputSuggestion> suggest(String q, String cooperativeId) {
        String coop = current.require().cooperativeId();
        if (coop == null && cooperativeId != null) {
            coop = cooperatives.readable(cooperativeId).getId();
        }
        String typed = q == null ? "" : BannedIngredients.key(q).strip();
        Map<String, InputSuggestion> byKey = new LinkedHashMap<>();
        if (coop != null) {
            for (InputUsed u : history(coop)) {
                String k = BannedIngredients.key(u.name());
                if (!typed.isEmpty() && !k.contains(" " + typed)) {
                    continue;
                }
                InputSuggestion seen = byKey.get(k);
                if (seen == null) {
                    var banned = BannedIngredients.namedIn(u.name());
                    byKey.put(
                            k,
                            new InputSuggestion(
                                    u.name(),
                                    banned.isPresent(),
                                    banned.map(BannedIngredients.Ingredient::reason)
                                            .orElse(null),
                                    banned.map(BannedIngredients.Ingredient::name)
                                            .orElse(null),
                                    true,
                                    u.preHarvestIntervalDays(),
                                    u.recordedAt()));
                } else if (seen.preHarvestIntervalDays() == null && u.preHarvestIntervalDays() != null) {
                    // the latest interval given for it, even if the latest entry gave none
                    byKey.put(
                            k,
                            new InputSuggestion(
                                    seen.name(),
                                    seen.banned(),
                                    seen.bannedReason(),
                                    seen.activeIngredient(),
                                    true,
                                    u.preHarvestIntervalDays(),
                                    seen.lastUsedAt()));
                }
            }
        }
        List<InputSuggestion> out = new ArrayList<>(byKey.values());
        if (!typed.isEmpty()) {
            for (BannedIngredients.Ingredient i : BannedIngredients.all()) {
                matching(i, typed)
                        .filter(name -> !byKey.containsKey(BannedIngredients.key(name)))
                        .ifPresent(name ->
                                out.add(new InputSuggestion(name, true, i.reason(), i.name(), false, null, null)));
            }
        }
        return out.size() > MAX_SUGGESTIONS ? out.subList(0, MAX_SUGGESTIONS) : out;
    }

    /** The ingredient's name, or the first alias, whose words start with what was typed. */
    private static Optional<String> matching(BannedIngredients.Ingredient i, String typed) {
        List<String> names = new ArrayList<>(List.of(i.name()));
        names.addAll(i.aliases());
        return names.stream()
                .filter(n -> BannedIngredients.key(n).contains(" " + typed))
                .findFirst();
    }

    /** The cooperative's latest inputs, from batch diaries and season diaries, latest first. */
    private List<InputUsed> history(String coopId) {
        List<InputUsed> all = new ArrayList<>(em.createQuery(
                        "SELECT NEW vn.temso.batch.control.InputUsed(e.inputName, e.preHarvestIntervalDays,"
                                + " e.recordedAt) FROM BatchEvent e WHERE e.batch.cooperative.id = :c"
                                + " AND e.inputName IS NOT NULL ORDER BY e.recordedAt DESC",
                        InputUsed.class)
                .setParameter("c", coopId)
                .setMaxResults(HISTORY)
                .getResultList());
        all.addAll(em.createQuery(
                        "SELECT NEW vn.temso.batch.control.InputUsed(e.inputName, e.preHarvestIntervalDays,"
                                + " e.recordedAt) FROM SeasonEntry e WHERE e.season.zone.cooperative.id = :c"
                                + " AND e.inputName IS NOT NULL ORDER BY e.recordedAt DESC",
                        InputUsed.class)
                .setParameter("c", coopId)
                .setMaxResults(HISTORY)
                .getResultList());
        all.sort((a, b) -> b.recordedAt().compareTo(a.recordedAt()));
        return all;
    }
}
