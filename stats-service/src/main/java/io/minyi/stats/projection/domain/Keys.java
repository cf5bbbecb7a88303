package io.minyi.stats.projection.domain;

/**
 * Values (topic codes, member ids, names) become parts of field names in the cell documents. Cell
 * documents are flat — a counter {@code topic.transport.rcv} is the field {@code topic:transport:rcv},
 * which MongoDB (and its stand-in) update much faster than nested paths — so a value's {@code .},
 * {@code :} and a leading {@code $} are swapped for their full-width forms and back.
 */
public final class Keys {

    private Keys() {
    }

    public static String encode(String value) {
        return value.replace('.', '\uFF0E').replace('$', '\uFF04').replace(':', '\uFF1A');
    }

    /** The flat field name of a dotted counter name. */
    public static String field(String counter) {
        return counter.replace('.', ':');
    }

    /** The dotted counter name of a flat field name. */
    public static String counter(String field) {
        return field.replace(':', '.');
    }

    public static String decode(String key) {
        return key.replace('\uFF0E', '.').replace('\uFF04', '$').replace('\uFF1A', ':');
    }
}
