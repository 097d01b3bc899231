package vn.temso.platform.persistence;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * A generation number for what public pages show (products, producers, zones, batches and their diaries): caches
 * of rendered content compare it to drop entries made before a change. Bumped when an entity changes and again when
 * its transaction ends, so a reader that rebuilt an entry between the two (seeing the old, still uncommitted rows)
 * does not keep it. Changes made by other instances of a cluster arrive through {@link ChangeSignal}.
 */
public final class PublicContent {

    private static final AtomicLong GENERATION = new AtomicLong();

    private PublicContent() {}

    public static long generation() {
        return GENERATION.get();
    }

    public static void changed() {
        GENERATION.incrementAndGet();
    }

    /**
     * A change inside the current container transaction, if any: bumped now and again when the transaction ends (a
     * reader that rebuilt a cache entry in between saw the old, still uncommitted rows).
     */
    public static void changedInTransaction() {
        changed();
        try {
            TransactionSynchronizationRegistry tsr = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            if (tsr.getTransactionStatus() == Status.STATUS_ACTIVE) {
                tsr.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {}

                    @Override
                    public void afterCompletion(int status) {
                        changed();
                    }
                });
            }
        } catch (NamingException | IllegalStateException e) {
            // outside a container transaction (unit tests): the bump above is all there is to do
        }
    }

    /** Entity listener for the entities public pages show. */
    public static class Listener {

        @PostPersist
        @PostUpdate
        @PostRemove
        void changedEntity(Object entity) {
            changedInTransaction();
        }
    }
}
