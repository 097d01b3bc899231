package vn.temso.stamping.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One product's stamps on one Vietnamese day: how many were issued, how often its stamps were scanned, and how many
 * were scanned for the first time ever. Written by {@code StampRollup} as plain SQL once the day is over; the entity is
 * for queries.
 */
@Entity
@Table(name = "stamp_day")
@IdClass(StampDay.Key.class)
public class StampDay {

    @Id
    private LocalDate day;

    @Id
    @Column(name = "product_id")
    private String productId;

    private int issued;

    private int scans;

    @Column(name = "first_scans")
    private int firstScans;

    protected StampDay() {}

    /** The primary key: day and product. */
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        private LocalDate day;
        private String productId;

        public Key() {}

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(day, k.day) && Objects.equals(productId, k.productId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(day, productId);
        }
    }
}
