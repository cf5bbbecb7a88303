package io.minyi.stats.projection.domain;

/**
 * Values (topic codes, member ids, names) become parts of field names in the cell documents; MongoDB
 * field names may not contain {@code .} or start with {@code $}, so those two are swapped for their
 * full-width forms and back.
 */
public final class Keys {

    private Keys() {
    }

    public static String encode(String value) {
        return value.replace('.', '\uFF0E').replace('$', '\uFF04');
    }

    public static String decode(String key) {
        return key.replace('\uFF0E', '.').replace('\uFF04', '$');
    }
}
