package io.minyi.privacy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvelopeTest {

    static final String K1 = "k1:" + Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    static final String K2 = "k2:" + Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest
    @EnumSource(CipherSuite.class)
    void aFieldSealedForOneReportOpensOnlyThereWithItsKey(CipherSuite suite) {
        LocalMasterKeys keys = LocalMasterKeys.parse(K1);
        Envelope envelope = Envelope.create(keys, suite, "r-1");
        String sealed = envelope.seal("constituent.phone", "13812345678");
        assertThat(sealed).doesNotContain("13812345678");
        assertThat(envelope.seal("constituent.phone", "13812345678")).as("a fresh nonce each time").isNotEqualTo(sealed);

        Envelope reopened = Envelope.open(keys, envelope.wrapped(), "r-1");
        assertThat(reopened.unseal("constituent.phone", sealed)).isEqualTo("13812345678");
        assertThatThrownBy(() -> reopened.unseal("constituent.name", sealed)).as("moved to another field")
                .isInstanceOf(CipherSuite.SealBroken.class);
        assertThatThrownBy(() -> Envelope.open(keys, envelope.wrapped(), "r-2")).as("the key moved to another report")
                .isInstanceOf(CipherSuite.SealBroken.class);
        byte[] tampered = Base64.getDecoder().decode(sealed);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> reopened.unseal("constituent.phone", Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(CipherSuite.SealBroken.class);
    }

    @Test
    void sm4GcmIsTheStandardCipher() {
        // GB/T 32907 test vector: key = plaintext = 0123456789abcdeffedcba9876543210 → 681edf34d206965e86b3e94f536e4246;
        // in GCM the first keystream block is SM4(key, J0+1), so check the block cipher itself through ECB
        byte[] key = hex("0123456789abcdeffedcba9876543210");
        byte[] out = sm4Ecb(key, key);
        assertThat(hexOf(out)).isEqualTo("681edf34d206965e86b3e94f536e4246");
    }

    @Test
    void rotatingTheMasterKeyKeepsOlderDataReadable() {
        Envelope old = Envelope.create(LocalMasterKeys.parse(K1), CipherSuite.AES_256_GCM, "r-9");
        String sealed = old.seal("body", "原文");
        LocalMasterKeys rotated = LocalMasterKeys.parse(K2 + "," + K1);
        assertThat(rotated.currentId()).isEqualTo("k2");
        assertThat(Envelope.open(rotated, old.wrapped(), "r-9").unseal("body", sealed)).isEqualTo("原文");
        assertThat(Envelope.create(rotated, CipherSuite.AES_256_GCM, "r-10").wrapped().keyId()).isEqualTo("k2");
        assertThatThrownBy(() -> Envelope.open(LocalMasterKeys.parse(K2), old.wrapped(), "r-9"))
                .hasMessageContaining("master key k1 is not configured");
    }

    @Test
    void aBadMasterKeyIsRefusedAtStart() {
        assertThatThrownBy(() -> LocalMasterKeys.parse("")).hasMessageContaining("MINYI_MASTER_KEYS");
        assertThatThrownBy(() -> LocalMasterKeys.parse("k1:" + Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("128 bits, not 256");
        assertThatThrownBy(() -> LocalMasterKeys.parse("secret")).hasMessageContaining("id:base64");
    }

    private static byte[] sm4Ecb(byte[] key, byte[] block) {
        try {
            var cipher = javax.crypto.Cipher.getInstance("SM4/ECB/NoPadding", new org.bouncycastle.jce.provider.BouncyCastleProvider());
            cipher.init(javax.crypto.Cipher.ENCRYPT_MODE, new javax.crypto.spec.SecretKeySpec(key, "SM4"));
            return cipher.doFinal(block);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }

    private static String hexOf(byte[] b) {
        return java.util.HexFormat.of().formatHex(b);
    }
}
