package vn.temso.stamping.control;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import vn.temso.stamp.StampSigner;

/**
 * Signs the next chunk of an issuing job while the job's thread writes the current one: in as many parts as there
 * are cores, each a task on the (managed) executor. A part no executor thread has started is signed by the thread
 * that takes the chunk ({@code FutureTask.run} is a no-op once started), so a job never waits on a queued task and
 * a busy executor cannot deadlock it.
 */
final class SignAhead {

    /** The thread taking a chunk was interrupted (the server is stopping) while it waited for signatures. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super(null, null, false, false);
        }
    }

    private final StampIssuer issuer;
    private final Executor executor;
    private final StampIssuer.Target target;

    SignAhead(StampIssuer issuer, Executor executor, StampIssuer.Target target) {
        this.issuer = issuer;
        this.executor = executor;
        this.target = target;
    }

    /** Starts signing the next chunk of a job that has {@code left} stamps to go. */
    Pending next(int left) {
        StampSigner signer = issuer.signer();
        int n = Math.min(StampIssuer.CHUNK, left);
        int parts = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), n / 100));
        List<FutureTask<StampIssuer.SignedChunk>> tasks = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int size = n / parts + (p < n % parts ? 1 : 0);
            FutureTask<StampIssuer.SignedChunk> task = new FutureTask<>(() -> issuer.sign(signer, target, size));
            tasks.add(task);
            executor.execute(task);
        }
        return new Pending(signer.kid(), tasks);
    }

    /** A chunk being signed. */
    record Pending(String kid, List<FutureTask<StampIssuer.SignedChunk>> parts) {

        /** The signed chunk; parts nobody has started yet are signed by the calling thread. */
        StampIssuer.SignedChunk take() {
            List<StampIssuer.Signed> stamps = new ArrayList<>(StampIssuer.CHUNK);
            for (FutureTask<StampIssuer.SignedChunk> part : parts) {
                part.run();
            }
            try {
                for (FutureTask<StampIssuer.SignedChunk> part : parts) {
                    stamps.addAll(part.get().stamps());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Interrupted();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            return new StampIssuer.SignedChunk(kid, stamps);
        }

        void cancel() {
            parts.forEach(p -> p.cancel(false));
        }
    }
}
