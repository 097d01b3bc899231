package vn.temso.stamping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** Pages of stamp rows by issue number (keyset paging over the batch/seq index), for exports streamed page by page. */
@ApplicationScoped
public class StampRows {

    /** Rows per page: a few hundred KB of URLs at most. */
    static final int PAGE = 2_000;

    @PersistenceContext
    EntityManager em;

    /** Up to {@code size} rows of the batch numbered after {@code afterSeq}, in order. */
    @Transactional
    public List<StampRow> page(String batchId, int afterSeq, int size) {
        return em.createQuery(
                        "SELECT NEW vn.temso.stamping.control.StampRow(s.seq, s.serial, s.url, s.status)"
                                + " FROM Stamp s WHERE s.batch.id = :b AND s.seq > :after ORDER BY s.seq",
                        StampRow.class)
                .setParameter("b", batchId)
                .setParameter("after", afterSeq)
                .setMaxResults(size)
                .getResultList();
    }
}
