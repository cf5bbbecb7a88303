package io.minyi.privacy;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * The authenticated ciphers a deployment may choose: AES-256-GCM (the JDK's) by default, or SM4-GCM
 * (GB/T 32907, 商用密码) from Bouncy Castle. Both take a 96-bit random nonce and a 128-bit tag; the
 * associated data binds a ciphertext to where it belongs, so it cannot be moved to another report or field.
 */
public enum CipherSuite {
    AES_256_GCM("aes-256-gcm", "AES", 32, null),
    SM4_GCM("sm4-gcm", "SM4", 16, new BouncyCastleProvider());

    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String wireName;
    private final String algorithm;
    private final int keyBytes;
    private final Provider provider;

    CipherSuite(String wireName, String algorithm, int keyBytes, Provider provider) {
        this.wireName = wireName;
        this.algorithm = algorithm;
        this.keyBytes = keyBytes;
        this.provider = provider;
    }

    public String wireName() {
        return wireName;
    }

    public int keyBytes() {
        return keyBytes;
    }

    public static CipherSuite ofWireName(String name) {
        for (CipherSuite s : values()) {
            if (s.wireName.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown cipher suite '" + name + "' (aes-256-gcm or sm4-gcm)");
    }

    public byte[] newKey() {
        byte[] key = new byte[keyBytes];
        RANDOM.nextBytes(key);
        return key;
    }

    /** nonce ‖ ciphertext ‖ tag. */
    public byte[] encrypt(byte[] key, byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " encryption failed", e);
        }
    }

    /** Decrypts and authenticates; a changed byte, another key or other associated data is refused. */
    public byte[] decrypt(byte[] key, byte[] sealed, byte[] associatedData) {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new SealBroken("too short to be " + wireName);
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, java.util.Arrays.copyOf(sealed, NONCE));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealBroken("not sealed with this key for this place (" + wireName + ")");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(wireName + " decryption failed", e);
        }
    }

    private Cipher cipher(int mode, byte[] key, byte[] nonce) throws GeneralSecurityException {
        if (key.length != keyBytes) {
            throw new IllegalArgumentException(wireName + " needs a " + keyBytes * 8 + "-bit key, not " + key.length * 8);
        }
        String transformation = algorithm + "/GCM/NoPadding";
        Cipher cipher = provider == null ? Cipher.getInstance(transformation) : Cipher.getInstance(transformation, provider);
        cipher.init(mode, new SecretKeySpec(key, algorithm), new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    /** A ciphertext that does not authenticate: tampered with, moved, or sealed under another key. */
    public static final class SealBroken extends RuntimeException {
        public SealBroken(String message) {
            super(message);
        }
    }
}
