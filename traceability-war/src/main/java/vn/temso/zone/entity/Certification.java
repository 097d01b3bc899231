package vn.temso.zone.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;
import java.util.Objects;
import vn.temso.platform.text.Texts;

/** A certificate held by a zone (VietGAP, GlobalGAP, organic...), valid until a date. */
@Embeddable
public class Certification {

    private String scheme;

    @Column(name = "cert_number")
    private String number;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    protected Certification() {}

    public Certification(String scheme, String number, LocalDate validUntil) {
        this.scheme = Texts.clean(scheme);
        this.number = Texts.clean(number);
        this.validUntil = validUntil;
    }

    public boolean isValidOn(LocalDate day) {
        return validUntil == null || !day.isAfter(validUntil);
    }

    public String getScheme() {
        return scheme;
    }

    public String getNumber() {
        return number;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Certification c
                && Objects.equals(scheme, c.scheme)
                && Objects.equals(number, c.number)
                && Objects.equals(validUntil, c.validUntil);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, number, validUntil);
    }
}
