package io.minyi.privacy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * One report's data key, unwrapped for as long as a request needs it. Each personal field is sealed
 * with it, bound to the report and the field's name. Erasing the stored wrapped key makes every field
 * it sealed unreadable for good (crypto-shredding), also in backups.
 */
public final class Envelope {

    private final String context;
    private final CipherSuite suite;
    private final KeyWrapper.WrappedKey wrapped;
    private final byte[] dataKey;

    private Envelope(String context, CipherSuite suite, KeyWrapper.WrappedKey wrapped, byte[] dataKey) {
        this.context = context;
        this.suite = suite;
        this.wrapped = wrapped;
        this.dataKey = dataKey;
    }

    /** A fresh data key for {@code context} (a report id), wrapped by the current master key. */
    public static Envelope create(KeyWrapper keys, CipherSuite suite, String context) {
        byte[] dataKey = suite.newKey();
        return new Envelope(context, suite, keys.wrap(dataKey, suite, context), dataKey);
    }

    public static Envelope open(KeyWrapper keys, KeyWrapper.WrappedKey wrapped, String context) {
        return new Envelope(context, wrapped.suite(), wrapped, keys.unwrap(wrapped, context));
    }

    public KeyWrapper.WrappedKey wrapped() {
        return wrapped;
    }

    public String seal(String field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return Base64.getEncoder().encodeToString(suite.encrypt(dataKey, plaintext.getBytes(StandardCharsets.UTF_8), aad(field)));
    }

    public String unseal(String field, String sealed) {
        if (sealed == null) {
            return null;
        }
        return new String(suite.decrypt(dataKey, Base64.getDecoder().decode(sealed), aad(field)), StandardCharsets.UTF_8);
    }

    /** A file's bytes sealed under the data key, bound to {@code field}. */
    public byte[] sealBytes(String field, byte[] plain) {
        return suite.encrypt(dataKey, plain, aad(field));
    }

    public byte[] unsealBytes(String field, byte[] sealed) {
        return suite.decrypt(dataKey, sealed, aad(field));
    }

    /** Overwrites the unwrapped key in memory. */
    public void forget() {
        Arrays.fill(dataKey, (byte) 0);
    }

    private byte[] aad(String field) {
        return (context + "/" + field).getBytes(StandardCharsets.UTF_8);
    }
}
