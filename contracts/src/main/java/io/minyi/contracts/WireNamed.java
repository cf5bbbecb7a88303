package io.minyi.contracts;

/**
 * A value with a stable name on the wire (in JSON, URLs and events) and a label people read (Chinese).
 */
public interface WireNamed {

    String wireName();

    String label();

    /** The constant of {@code type} with this wire name; IllegalArgumentException when none has it. */
    static <E extends Enum<E> & WireNamed> E fromWireName(Class<E> type, String name) {
        for (E value : type.getEnumConstants()) {
            if (value.wireName().equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + name);
    }
}
