package io.minyi.support.privacy;

import io.minyi.privacy.CipherSuite;
import io.minyi.privacy.KeyWrapper;
import io.minyi.privacy.LocalMasterKeys;
import io.minyi.privacy.PersonalDataScanner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Personal data handling every service shares: the scanner that masks contact details in free text, and
 * the master keys ({@code MINYI_MASTER_KEYS}, {@code id:base64} pairs, the current first) and cipher
 * ({@code MINYI_CIPHER}: aes-256-gcm or sm4-gcm) for the envelope encryption of personal fields.
 * A {@link KeyWrapper} bean of a KMS adapter replaces the configured keys.
 */
@AutoConfiguration
public class PrivacyAutoConfiguration {

    /** The key local runs and tests use; a warning says so at start. Never for real data. */
    public static final String DEVELOPMENT_KEY_ID = "dev";
    private static final Logger log = LoggerFactory.getLogger(PrivacyAutoConfiguration.class);

    @Bean
    PersonalDataScanner personalDataScanner() {
        return new PersonalDataScanner();
    }

    @Bean
    @ConditionalOnMissingBean
    KeyWrapper masterKeys(@Value("${minyi.privacy.master-keys}") String spec) {
        LocalMasterKeys keys = LocalMasterKeys.parse(spec);
        if (DEVELOPMENT_KEY_ID.equals(keys.currentId())) {
            log.warn("Personal data is encrypted with the development master key: set MINYI_MASTER_KEYS for real data");
        }
        return keys;
    }

    @Bean
    Seals seals(KeyWrapper keys, CipherSuite cipher) {
        return new Seals(keys, cipher);
    }

    @Bean
    CipherSuite personalDataCipher(@Value("${minyi.privacy.cipher:aes-256-gcm}") String cipher) {
        return CipherSuite.ofWireName(cipher);
    }
}
