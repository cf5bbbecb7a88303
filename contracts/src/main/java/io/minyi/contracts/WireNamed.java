package io.minyi.contracts;

/**
 * A value with a stable name on the wire (in JSON, URLs and events) and a label people read (Chinese).
 * Enums implement it by keeping one {@link Names} and returning it from {@link #names()}.
 */
public interface WireNamed {

    /** The wire name and the label of a value. */
    record Names(String wire, String label) {
    }

    Names names();

    default String wireName() {
        return names().wire();
    }

    default String label() {
        return names().label();
    }

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
