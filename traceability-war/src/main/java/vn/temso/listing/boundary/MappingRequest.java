package vn.temso.listing.boundary;

import java.util.List;
import vn.temso.catalog.feed.ColumnMapping;

/** A proposed layout: the columns in order ({@code [{"header": "Mã SKU", "field": "id"}, ...]}). */
public record MappingRequest(List<ColumnMappingView.ColumnView> columns) {

    List<ColumnMapping.Column> toColumns() {
        return columns == null
                ? List.of()
                : columns.stream()
                        .map(c -> c == null
                                ? new ColumnMapping.Column(null, null)
                                : new ColumnMapping.Column(c.header(), c.field()))
                        .toList();
    }
}
