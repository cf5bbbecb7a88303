package io.minyi.stats.audit.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The audit log's integrity (审计记录保护): every entry stores the SHA-256 of the previous entry's hash
 * and its own canonical content, so changing, removing or inserting an entry anywhere breaks every hash
 * after it. Verification recomputes the chain from the first entry.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    public static String link(String previousHash, long seq, String canonicalEntry) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(previousHash.getBytes(StandardCharsets.US_ASCII));
            sha.update(Long.toString(seq).getBytes(StandardCharsets.US_ASCII));
            sha.update(canonicalEntry.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private AuditChain() {
    }
}
