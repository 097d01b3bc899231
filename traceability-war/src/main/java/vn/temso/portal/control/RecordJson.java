package vn.temso.portal.control;

import static vn.temso.platform.text.JsonProviders.JSON;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link vn.temso.portal.entity.PortalRecord}: each record component by its name, in declaration
 * order; dates as {@code 2026-11-10}, times as {@code 2026-11-10T07:30:00+07:00}; nulls left as JSON null. The same
 * walk over the component types tells which source paths exist ({@link #paths}), so the mapping file is checked against
 * the record itself.
 */
final class RecordJson {

    private RecordJson() {}

    /** The JSON value of a record, list or leaf value. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Record r) {
            JsonObjectBuilder o = JSON.createObjectBuilder();
            for (RecordComponent c : r.getClass().getRecordComponents()) {
                o.add(c.getName(), toJson(read(c, r)));
            }
            return o.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder a = JSON.createArrayBuilder();
            list.forEach(v -> a.add(toJson(v)));
            return a.build();
        }
        if (value instanceof String s) {
            return JSON.createValue(s);
        }
        if (value instanceof Boolean b) {
            return b ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof BigDecimal d) {
            return JSON.createValue(d);
        }
        if (value instanceof Integer i) {
            return JSON.createValue(i);
        }
        if (value instanceof Long l) {
            return JSON.createValue(l);
        }
        if (value instanceof OffsetDateTime t) {
            return JSON.createValue(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(t));
        }
        if (value instanceof LocalDate d) {
            return JSON.createValue(d.toString());
        }
        throw new IllegalArgumentException(
                "no JSON form for " + value.getClass().getName());
    }

    private static Object read(RecordComponent c, Record r) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }

    /** One field of a record type, and whether it holds a list of {@code type}. */
    record Member(String name, Class<?> type, boolean list) {
        boolean isRecord() {
            return type.isRecord();
        }
    }

    /** The fields of a record type, in declaration order. */
    static List<Member> members(Class<?> recordType) {
        List<Member> members = new ArrayList<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            boolean list = List.class.isAssignableFrom(c.getType());
            members.add(new Member(c.getName(), list ? elementType(c.getGenericType()) : c.getType(), list));
        }
        return members;
    }

    /** Every source path of a record type: each field, a list's fields as {@code name[].field}. */
    static List<String> paths(Class<?> recordType) {
        List<String> out = new ArrayList<>();
        collect(recordType, "", out);
        return out;
    }

    private static void collect(Class<?> type, String prefix, List<String> out) {
        for (Member m : members(type)) {
            String path = prefix + m.name();
            out.add(path);
            if (m.isRecord()) {
                collect(m.type(), path + (m.list() ? "[]." : "."), out);
            }
        }
    }

    private static Class<?> elementType(Type listType) {
        if (listType instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        throw new IllegalStateException("a list of the portal record must name its element type: " + listType);
    }
}
