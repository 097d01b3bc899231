package vn.temso.zone.entity;

import java.math.BigDecimal;

/**
 * What a growing zone's registration says about it ({@link MaterialZone#describe}), built field by field: seven of
 * its fields are Strings, which a positional list let callers swap unnoticed. Every field is optional.
 */
public final class ZoneDescription {

    private final String name;
    private final String address;
    private final String commune;
    private final String district;
    private final String province;
    private final String crop;
    private final String variety;
    private final BigDecimal declaredAreaHa;
    private final Integer households;
    private final Integer harvestsPerYear;

    private ZoneDescription(Builder b) {
        this.name = b.name;
        this.address = b.address;
        this.commune = b.commune;
        this.district = b.district;
        this.province = b.province;
        this.crop = b.crop;
        this.variety = b.variety;
        this.declaredAreaHa = b.declaredAreaHa;
        this.households = b.households;
        this.harvestsPerYear = b.harvestsPerYear;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return name;
    }

    public String address() {
        return address;
    }

    public String commune() {
        return commune;
    }

    public String district() {
        return district;
    }

    public String province() {
        return province;
    }

    public String crop() {
        return crop;
    }

    public String variety() {
        return variety;
    }

    public BigDecimal declaredAreaHa() {
        return declaredAreaHa;
    }

    public Integer households() {
        return households;
    }

    public Integer harvestsPerYear() {
        return harvestsPerYear;
    }

    public static final class Builder {
        private String name;
        private String address;
        private String commune;
        private String district;
        private String province;
        private String crop;
        private String variety;
        private BigDecimal declaredAreaHa;
        private Integer households;
        private Integer harvestsPerYear;

        private Builder() {}

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder commune(String commune) {
            this.commune = commune;
            return this;
        }

        public Builder district(String district) {
            this.district = district;
            return this;
        }

        public Builder province(String province) {
            this.province = province;
            return this;
        }

        public Builder crop(String crop) {
            this.crop = crop;
            return this;
        }

        public Builder variety(String variety) {
            this.variety = variety;
            return this;
        }

        public Builder declaredAreaHa(BigDecimal hectares) {
            this.declaredAreaHa = hectares;
            return this;
        }

        public Builder households(Integer households) {
            this.households = households;
            return this;
        }

        public Builder harvestsPerYear(Integer harvests) {
            this.harvestsPerYear = harvests;
            return this;
        }

        public ZoneDescription build() {
            return new ZoneDescription(this);
        }
    }
}
