package io.minyi.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Master keys from configuration (an environment secret): {@code id:base64key} pairs, the first the
 * current one. New data keys are wrapped with the current key; older ids stay to unwrap what they
 * wrapped, so a key is rotated by putting a new one first and re-wrapping at leisure.
 */
public final class LocalMasterKeys implements KeyWrapper {

    private final String currentId;
    private final Map<String, byte[]> keys;

    private LocalMasterKeys(String currentId, Map<String, byte[]> keys) {
        this.currentId = currentId;
        this.keys = keys;
    }

    /** Parses {@code "k2:BASE64,k1:BASE64"}; every key must be 256 bits (SM4 uses its first 128). */
    public static LocalMasterKeys parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("no master key configured (MINYI_MASTER_KEYS=id:base64-256-bit-key)");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] parts = entry.strip().split(":", 2);
            if (parts.length != 2 || parts[0].isBlank()) {
                throw new IllegalArgumentException("a master key is id:base64, not '" + entry.strip().replaceAll(":.*", ":…") + "'");
            }
            byte[] key = Base64.getDecoder().decode(parts[1].strip());
            if (key.length != 32) {
                throw new IllegalArgumentException("master key " + parts[0] + " is " + key.length * 8 + " bits, not 256");
            }
            keys.put(parts[0].strip(), key);
        }
        return new LocalMasterKeys(keys.keySet().iterator().next(), keys);
    }

    public String currentId() {
        return currentId;
    }

    @Override
    public WrappedKey wrap(byte[] dataKey, CipherSuite suite, String context) {
        return new WrappedKey(currentId, suite, suite.encrypt(kek(currentId, suite), dataKey, aad(context)));
    }

    @Override
    public byte[] unwrap(WrappedKey wrapped, String context) {
        return wrapped.suite().decrypt(kek(wrapped.keyId(), wrapped.suite()), wrapped.bytes(), aad(context));
    }

    private byte[] kek(String id, CipherSuite suite) {
        byte[] key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("master key " + id + " is not configured: it wrapped data that is still stored");
        }
        return java.util.Arrays.copyOf(key, suite.keyBytes());
    }

    private static byte[] aad(String context) {
        return ("minyi-data-key/" + context).getBytes(StandardCharsets.UTF_8);
    }
}
