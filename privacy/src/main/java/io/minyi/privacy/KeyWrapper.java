package io.minyi.privacy;

/**
 * Wraps and unwraps data keys with a key-encryption key the application never stores beside the data:
 * a master key from configuration ({@link LocalMasterKeys}) or a KMS / 密码机 behind the same interface.
 * {@code context} (the report id) is bound to the wrapped key.
 */
public interface KeyWrapper {

    WrappedKey wrap(byte[] dataKey, CipherSuite suite, String context);

    byte[] unwrap(WrappedKey wrapped, String context);

    /** A data key as stored: which key-encryption key wrapped it, with which cipher, and the bytes. */
    record WrappedKey(String keyId, CipherSuite suite, byte[] bytes) {
    }
}
