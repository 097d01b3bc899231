package vn.temso.platform.persistence;

import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import vn.temso.platform.domain.ClientId;
import vn.temso.platform.problem.Problems;

/**
 * Finds the record a client id ({@link ClientId}) made, for {@code platform.rest.Idempotent}: every entity with a
 * unique {@code clientId} column looks it up here, the same way.
 */
public final class ClientIds {

    private ClientIds() {}

    /**
     * The record of that type a client id names, when it is of the target asked about (the same zone, season, batch
     * or cooperative); a client id already used for another target (or by another cooperative) is a 409 that says
     * nothing about that record.
     *
     * @param type     an entity with a {@code clientId} attribute
     * @param clientId as sent; validated here (400 on clientId), none means empty
     */
    public static <T> Optional<T> sameTarget(EntityManager em, Class<T> type, String clientId, Predicate<T> ofTarget) {
        String id = ClientId.validate(clientId);
        if (id == null) {
            return Optional.empty();
        }
        List<T> found = em.createQuery(
                        "SELECT e FROM " + em.getMetamodel().entity(type).getName() + " e WHERE e.clientId = :c", type)
                .setParameter("c", id)
                .getResultList();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!ofTarget.test(found.get(0))) {
            throw new Problems.Conflict("This clientId was already used for another record; generate a new one");
        }
        return Optional.of(found.get(0));
    }
}
