package vn.temso.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.core.DerbyDatabase;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Job and task leases on a real Derby database with the real schema (changelog 014). */
class JobLeasesTest {

    private static final String JOB = "00000000-0000-0000-0000-00000000j0b1";
    private final ScheduledExecutorService pool = Executors.newScheduledThreadPool(2);
    private EmbeddedDataSource ds;
    private JobLeases leases;

    @BeforeEach
    void migrate() throws Exception {
        ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:leases-" + System.nanoTime());
        ds.setCreateDatabase("create");
        try (Connection c = ds.getConnection()) {
            Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
            ((DerbyDatabase) database).setShutdownEmbeddedDerby(false);
            new Liquibase(
                            "db/changelog/db.changelog-master.xml",
                            new ClassLoaderResourceAccessor(getClass().getClassLoader()),
                            database)
                    .update("");
            // job rows without their batch: only the lease columns matter here
            c.createStatement().execute("ALTER TABLE issuance_job DROP CONSTRAINT fk_job_batch");
            c.commit();
        }
        leases = new JobLeases();
        leases.dataSource = ds;
        leases.clock = Clock.systemUTC();
        leases.scheduler = managed(pool);
        leases.leaseSeconds = 3;
        leases.heartbeatSeconds = 0; // the floor: every 200 ms
        leases.sweepSeconds = 1;
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void shouldLetOneRunTakeAJobAndNobodyElseWhileItsLeaseLives() throws Exception {
        job(JOB, "RUNNING", null, null);
        Lease first = leases.take(JobLeases.Kind.ISSUANCE, JOB);
        assertNotNull(first);
        assertTrue(first.owner().startsWith(JobLeases.instance() + "#"));
        assertNull(leases.take(JobLeases.Kind.ISSUANCE, JOB), "a live lease is never taken");
        assertEquals(List.of(), leases.orphans(JobLeases.Kind.ISSUANCE, List.of("RUNNING"), 10));
        first.close();
        assertNull(owner(JOB));
        assertNotNull(leases.take(JobLeases.Kind.ISSUANCE, JOB), "a released job is free at once");
    }

    @Test
    void shouldTakeOverTheJobOfADeadOwnerAndFenceTheOldOwnerOut() throws Exception {
        job(JOB, "RUNNING", "other-host/4711/deadbeef#00000001", Instant.now().minusSeconds(1));
        assertEquals(List.of(JOB), leases.orphans(JobLeases.Kind.ISSUANCE, List.of("RUNNING"), 10));
        Lease lease = leases.take(JobLeases.Kind.ISSUANCE, JOB);
        assertNotNull(lease);
        assertFalse(
                leases.renew("issuance_job", "id", JOB, "other-host/4711/deadbeef#00000001"),
                "the dead owner, had it only paused, finds its lease gone");
        assertEquals(lease.owner(), owner(JOB), "the chunks of the new run pass the owner check, the old run's fail");
        lease.close();
    }

    @Test
    void shouldLeaveJobsWithALiveForeignLeaseOrAReservationAlone() throws Exception {
        job(JOB, "RUNNING", "other-host/4711/cafe0001#00000001", Instant.now().plusSeconds(30));
        job("reserved", "RUNNING", null, Instant.now().plusSeconds(30));
        job(
                "finished",
                "DONE",
                "other-host/4711/cafe0001#00000002",
                Instant.now().minusSeconds(30));
        assertEquals(List.of(), leases.orphans(JobLeases.Kind.ISSUANCE, List.of("RUNNING"), 10));
        assertNull(leases.take(JobLeases.Kind.ISSUANCE, JOB));
        assertEquals("other-host/4711/cafe0001#00000001", owner(JOB));
        assertNotNull(leases.take(JobLeases.Kind.ISSUANCE, "reserved"), "the instance that made a job takes it");
    }

    @Test
    void shouldGiveAnExpiredJobToExactlyOneOfManyTakers() throws Exception {
        job(JOB, "RUNNING", "other-host/1/dead#1", Instant.now().minusSeconds(5));
        int takers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(takers);
        try {
            List<Future<Lease>> all = new ArrayList<>();
            for (int i = 0; i < takers; i++) {
                all.add(threads.submit(() -> {
                    go.await();
                    return leases.take(JobLeases.Kind.ISSUANCE, JOB);
                }));
            }
            go.countDown();
            List<Lease> won = new ArrayList<>();
            for (Future<Lease> f : all) {
                won.add(f.get());
            }
            assertEquals(1, won.stream().filter(Objects::nonNull).count());
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void shouldRenewByHeartbeatAndNoticeATakeOver() throws Exception {
        job(JOB, "RUNNING", null, null);
        Lease lease = leases.take(JobLeases.Kind.ISSUANCE, JOB);
        Instant first = leaseUntil(JOB);
        Thread.sleep(700);
        assertTrue(leaseUntil(JOB).isAfter(first), "the heartbeat moved the lease on");
        assertTrue(leases.handOver(JobLeases.Kind.ISSUANCE, JOB));
        long until = System.currentTimeMillis() + 3000;
        while (!lease.lost() && System.currentTimeMillis() < until) {
            Thread.sleep(50);
        }
        assertTrue(lease.lost(), "the next heartbeat found another owner");
        assertThrowsLost(lease);
    }

    @Test
    void shouldRunATaskOnOneInstanceAndHoldItForItsPeriod() throws Exception {
        Lease a = leases.takeTask("catalog-sync");
        assertNotNull(a);
        assertNull(leases.takeTask("catalog-sync"), "one round at a time in the cluster");
        a.close();
        Lease b = leases.takeTask("catalog-sync");
        assertNotNull(b);
        b.release(Duration.ofMinutes(55));
        assertNull(leases.takeTask("catalog-sync"), "held by nobody until the period ends");
        Lease fresh = leases.takeTask("a-new-task");
        assertNotNull(fresh, "a task row is created on first use");
        fresh.close();
    }

    @Test
    void shouldGiveBackEveryLeaseOfThisProcessOnAStopAndNoOtherOne() throws Exception {
        job(JOB, "RUNNING", null, null);
        job(
                "foreign",
                "RUNNING",
                "other-host/4711/cafe0001#00000001",
                Instant.now().plusSeconds(30));
        Lease mine = leases.take(JobLeases.Kind.ISSUANCE, JOB);
        Lease task = leases.takeTask("catalog-sync");
        assertEquals(2, leases.releaseAll());
        assertNull(owner(JOB));
        assertEquals("other-host/4711/cafe0001#00000001", owner("foreign"));
        assertNotNull(leases.takeTask("catalog-sync"), "the task is free again");
        mine.close();
        task.close();
    }

    private static void assertThrowsLost(Lease lease) {
        try {
            lease.check();
        } catch (Lease.Lost expected) {
            return;
        }
        throw new AssertionError("check() should throw Lost");
    }

    private void job(String id, String status, String owner, Instant until) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO issuance_job"
                        + " (id, batch_id, requested, issued, status, created_at, lease_owner, lease_until)"
                        + " VALUES (?, 'b', 10, 0, ?, ?, ?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, status);
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, owner);
            ps.setTimestamp(5, until == null ? null : Timestamp.from(until));
            ps.executeUpdate();
        }
    }

    private String owner(String id) {
        return leases.owner(JobLeases.Kind.ISSUANCE, id);
    }

    private Instant leaseUntil(String id) throws Exception {
        try (Connection c = ds.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT lease_until FROM issuance_job WHERE id = ?")) {
            q.setString(1, id);
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getTimestamp(1).toInstant();
            }
        }
    }

    /** The container's scheduled executor, played by a plain one. */
    private static ManagedScheduledExecutorService managed(ScheduledExecutorService delegate) {
        return (ManagedScheduledExecutorService) Proxy.newProxyInstance(
                JobLeasesTest.class.getClassLoader(),
                new Class<?>[] {ManagedScheduledExecutorService.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(delegate, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
