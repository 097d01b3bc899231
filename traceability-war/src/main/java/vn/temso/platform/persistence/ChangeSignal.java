package vn.temso.platform.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Tells every instance of a cluster that something scans show has changed: a counter row bumped in the transaction
 * of the change (so it commits or rolls back with it), polled by each instance, which then bumps its
 * {@link PublicContent} generation and so drops the stamp statuses, keys and trace parts it keeps in memory. On the
 * instance that made the change it shows at once; on the others within the poll interval. The database is the one
 * thing all instances share already, so this needs no cluster membership (and works the same on Derby). The
 * polling is {@link ChangeSignalPoller}.
 */
@ApplicationScoped
public class ChangeSignal {

    /** Marks a transaction that has recorded its change already ({@link #changedOnce}). */
    private static final Object SIGNALLED = new Object();

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * Records a change in the caller's transaction unless this transaction recorded one already: for work that changes
     * many things at once (a partner's capture of a thousand events is one change, not a thousand counter updates).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changedOnce() {
        if (transactions.getResource(SIGNALLED) == null) {
            transactions.putResource(SIGNALLED, Boolean.TRUE);
            changed();
        }
    }

    /** Records a change in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed() {
        em.createNativeQuery("UPDATE change_signal SET counter = counter + 1 WHERE id = 1")
                .setHint("eclipselink.query.invalidateCache", false) // nothing in the entity cache depends on it
                .executeUpdate();
        PublicContent.changedInTransaction();
    }

    /** The counter, read in a transaction of its own (a bare read outside one finds the entity manager closed). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long read() {
        return ((Number) em.createNativeQuery("SELECT counter FROM change_signal WHERE id = 1")
                        .getSingleResult())
                .longValue();
    }
}
