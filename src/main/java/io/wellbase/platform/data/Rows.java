package io.wellbase.platform.data;

import java.lang.ref.WeakReference;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.MethodParameter;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.jdbc.InvalidResultSetAccessException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SingleColumnRowMapper;
import org.springframework.jdbc.support.JdbcUtils;

/**
 * Row mappers for {@code JdbcClient.query(...)}: {@code .query(Rows.of(Booking.class))} maps a row to a record
 * by its column names ({@code created_at} or {@code createdAt} to the component {@code createdAt}), as
 * {@code .query(Rows.of(Booking.class))} does, with the same value conversion.
 *
 * <p>Why not {@code .query(Rows.of(Booking.class))}: Spring's {@code SimplePropertyRowMapper} looks a component up by its
 * own name first and catches the driver's {@code SQLException} before it tries the underscored name, so every
 * camel-case component of every row cost an exception with a localised message and a stack trace of a
 * hundred and more frames (in the orders benchmark several per request, in a list page one per row and
 * column). Here the columns are resolved once per result set from its metadata. Simple types (a single
 * column: {@code UUID}, {@code Long}, ...) get Spring's single-column mapper, as before.
 */
public final class Rows {

    private static final ConversionService CONVERSION = DefaultConversionService.getSharedInstance();
    private static final Map<Class<?>, RowMapper<?>> MAPPERS = new ConcurrentHashMap<>();

    private Rows() {}

    @SuppressWarnings("unchecked")
    public static <T> RowMapper<T> of(Class<T> type) {
        return (RowMapper<T>) MAPPERS.computeIfAbsent(type, Rows::mapperFor);
    }

    private static RowMapper<?> mapperFor(Class<?> type) {
        if (BeanUtils.isSimpleProperty(type)) {
            return new SingleColumnRowMapper<>(type, CONVERSION);
        }
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type.getName() + " is neither a simple type nor a record");
        }
        return new RecordRowMapper<>(type);
    }

    /** Maps a row to a record through its canonical constructor. */
    private static final class RecordRowMapper<T> implements RowMapper<T> {

        private final Constructor<T> constructor;
        private final String[] names;
        private final TypeDescriptor[] types;

        /**
         * The column indexes of the last result set mapped (a mapper is shared between threads; a weak
         * reference, so that a big result set is not kept alive by its mapper).
         */
        private volatile @Nullable Resolved last;

        private record Resolved(WeakReference<ResultSet> resultSet, int[] columns) {}

        @SuppressWarnings("unchecked")
        RecordRowMapper(Class<T> type) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] parameterTypes = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                parameterTypes[i] = components[i].getType();
            }
            try {
                this.constructor = type.getDeclaredConstructor(parameterTypes);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("A record without its canonical constructor: " + type, e);
            }
            this.names = new String[components.length];
            this.types = new TypeDescriptor[components.length];
            for (int i = 0; i < components.length; i++) {
                names[i] = components[i].getName();
                types[i] = new TypeDescriptor(new MethodParameter(constructor, i));
            }
        }

        @Override
        public T mapRow(ResultSet rs, int rowNum) throws SQLException {
            int[] columns = columnsOf(rs);
            Object[] args = new Object[names.length];
            for (int i = 0; i < args.length; i++) {
                Object value = JdbcUtils.getResultSetValue(rs, columns[i], types[i].getType());
                args[i] = CONVERSION.convert(value, types[i]);
            }
            return BeanUtils.instantiateClass(constructor, args);
        }

        private int[] columnsOf(ResultSet rs) throws SQLException {
            Resolved resolved = last;
            if (resolved != null && resolved.resultSet().get() == rs) {
                return resolved.columns();
            }
            int[] columns = resolve(rs.getMetaData());
            last = new Resolved(new WeakReference<>(rs), columns);
            return columns;
        }

        /** As the driver's {@code findColumn}: a label matches without regard to case, the first one wins. */
        private int[] resolve(ResultSetMetaData meta) throws SQLException {
            Map<String, Integer> byLabel = new HashMap<>();
            for (int column = meta.getColumnCount(); column >= 1; column--) {
                byLabel.put(JdbcUtils.lookupColumnName(meta, column).toLowerCase(Locale.ROOT), column);
            }
            int[] columns = new int[names.length];
            for (int i = 0; i < names.length; i++) {
                Integer column = byLabel.get(names[i].toLowerCase(Locale.ROOT));
                if (column == null) {
                    column = byLabel.get(JdbcUtils.convertPropertyNameToUnderscoreName(names[i]));
                }
                if (column == null) {
                    throw new InvalidResultSetAccessException(new SQLException("No column for the component "
                            + names[i] + " of "
                            + constructor.getDeclaringClass().getSimpleName()
                            + " among " + byLabel.keySet()));
                }
                columns[i] = column;
            }
            return columns;
        }
    }
}
