package vn.temso.product.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.temso.product.control.ProductCommand;
import vn.temso.product.entity.OcopGroup;
import vn.temso.product.entity.OcopLevel;

public record ProductRequest(
        String cooperativeId,
        @NotBlank @Size(max = 20) String gtin,
        @NotBlank @Size(max = 150) String name,
        @Size(max = 5000) String description,
        @Size(max = 120) String category,
        @NotBlank @Size(max = 20) String unit,

        @Min(value = 0, message = "the price is a whole number of VND, 0 or more") @Max(10_000_000_000L)
        Long priceVnd,

        // a path on this server too: GET answers uploaded images as /images/<id>/1200.jpg, and a PUT of what GET gave
        // must work (never "//host", which a browser reads as another site)
        @Size(max = 1000)
        @Pattern(
                regexp = "https?://\\S+|/(?!/)\\S*",
                message = "must be an http(s) URL or a path on this server (/...)")
        String imageUrl,

        @Valid OcopRequest ocop) {
    // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner fails
    public ProductRequest(
            String cooperativeId,
            String gtin,
            String name,
            String description,
            String category,
            String unit,
            Long priceVnd,
            String imageUrl,
            OcopRequest ocop) {
        this.cooperativeId = cooperativeId;
        this.gtin = gtin;
        this.name = name;
        this.description = description;
        this.category = category;
        this.unit = unit;
        this.priceVnd = priceVnd;
        this.imageUrl = imageUrl;
        this.ocop = ocop;
    }

    public ProductCommand toCommand() {
        return new ProductCommand(
                cooperativeId,
                gtin,
                name,
                description,
                category,
                unit,
                priceVnd,
                imageUrl,
                ocop == null ? null : ocop.toCommand());
    }

    public record OcopRequest(
            @NotNull @Min(3) @Max(5) Integer stars,
            OcopGroup group,
            @Min(0) @Max(100) Integer score,
            @Size(max = 80) String decisionNumber,
            @NotNull LocalDate decisionDate,
            OcopLevel level,
            @Size(max = 200) String authority,
            LocalDate validUntil) {
        // explicit canonical constructor: keeps the constraints off its parameters, where Payara's OpenAPI scanner
        // fails
        public OcopRequest(
                Integer stars,
                OcopGroup group,
                Integer score,
                String decisionNumber,
                LocalDate decisionDate,
                OcopLevel level,
                String authority,
                LocalDate validUntil) {
            this.stars = stars;
            this.group = group;
            this.score = score;
            this.decisionNumber = decisionNumber;
            this.decisionDate = decisionDate;
            this.level = level;
            this.authority = authority;
            this.validUntil = validUntil;
        }

        ProductCommand.Ocop toCommand() {
            return new ProductCommand.Ocop(
                    stars, group, score, decisionNumber, decisionDate, level, authority, validUntil);
        }
    }
}
