package vn.temso.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.Map;
import vn.temso.platform.rest.Page;
import vn.temso.platform.rest.PageRequest;

/** One page of a filtered JPQL list and the total count of the same filter, with the same parameters. */
public final class PagedQuery {

    private PagedQuery() {}

    /**
     * @param from    e.g. {@code "Zone z"} — entity name and alias
     * @param where   a JPQL condition using that alias (never empty: use {@code 1 = 1})
     * @param orderBy e.g. {@code "z.code"}
     */
    public static <T> Page<T> page(
            EntityManager em,
            Class<T> type,
            String from,
            String where,
            String orderBy,
            Map<String, Object> params,
            PageRequest page) {
        String alias = from.substring(from.lastIndexOf(' ') + 1);
        TypedQuery<T> query =
                em.createQuery("SELECT " + alias + " FROM " + from + " WHERE " + where + " ORDER BY " + orderBy, type);
        TypedQuery<Long> count =
                em.createQuery("SELECT COUNT(" + alias + ") FROM " + from + " WHERE " + where, Long.class);
        params.forEach((k, v) -> {
            query.setParameter(k, v);
            count.setParameter(k, v);
        });
        return new Page<>(
                query.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList(),
                page.page(),
                page.size(),
                count.getSingleResult());
    }
}
