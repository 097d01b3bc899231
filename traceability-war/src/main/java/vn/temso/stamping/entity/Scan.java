package vn.temso.stamping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One scan of a stamp: when, and keyed hashes of the client's address and of its network (never the address). Written
 * by {@code ScanWriter} as JDBC batches; the entity is for queries.
 */
@Entity
@Table(name = "scan")
public class Scan {

    @Id
    private String id;

    @Column(name = "stamp_id")
    private String stampId;

    @Column(name = "scanned_at")
    private Instant scannedAt;

    @Column(name = "client_hash")
    private String clientHash;
    /** Keyed hash of the client's network (IPv4 /24, IPv6 /48): what the clone rules count. Null in older rows. */
    @Column(name = "network_hash")
    private String networkHash;
    /** The Vietnamese calendar day of {@link #scannedAt} (changelog 026): what the statistics group and filter on. */
    @Column(name = "scan_day")
    private LocalDate scanDay;

    protected Scan() {}
}
