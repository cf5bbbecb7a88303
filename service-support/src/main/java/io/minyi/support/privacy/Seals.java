package io.minyi.support.privacy;

import io.minyi.privacy.CipherSuite;
import io.minyi.privacy.Envelope;
import io.minyi.privacy.KeyWrapper;
import org.bson.Document;

import java.util.Base64;

/**
 * Sealing as the services store it: a data key wrapped by the master key, kept as a {@code key} document
 * ({@code id}, {@code cipher}, {@code wrapped}) beside what it sealed — report fields, drafts, uploaded files.
 */
public final class Seals {

    private final KeyWrapper keys;
    private final CipherSuite cipher;

    public Seals(KeyWrapper keys, CipherSuite cipher) {
        this.keys = keys;
        this.cipher = cipher;
    }

    /** A fresh data key for {@code context}, wrapped by the current master key. */
    public Envelope create(String context) {
        return Envelope.create(keys, cipher, context);
    }

    /** The data key a stored {@code key} document holds, unwrapped for {@code context}. */
    public Envelope open(String context, Document key) {
        return Envelope.open(keys, new KeyWrapper.WrappedKey(key.getString("id"),
                CipherSuite.ofWireName(key.getString("cipher")), Base64.getDecoder().decode(key.getString("wrapped"))), context);
    }

    public static Document keyDocument(Envelope envelope) {
        var wrapped = envelope.wrapped();
        return new Document("id", wrapped.keyId()).append("cipher", wrapped.suite().wireName())
                .append("wrapped", Base64.getEncoder().encodeToString(wrapped.bytes()));
    }

    /** An uploaded file as stored: its bytes sealed, and the key document for its metadata. */
    public record SealedFile(byte[] content, Document key) {
    }

    /**
     * Seals a file (a photo, a scan, a reply letter: anything may show a constituent) under its own data key,
     * bound to {@code context} (its report and digest).
     */
    public SealedFile sealFile(String context, byte[] plain) {
        Envelope envelope = create(context);
        try {
            return new SealedFile(envelope.sealBytes("file", plain), keyDocument(envelope));
        } finally {
            envelope.forget();
        }
    }

    /**
     * A stored file's content, opened: sealed files (a {@code key} document in their metadata) are unsealed,
     * files stored before sealing began are passed through.
     */
    public java.io.InputStream openStored(String context, Document metadata, java.io.InputStream stored)
            throws java.io.IOException {
        Document key = metadata == null ? null : metadata.get("key", Document.class);
        return key == null ? stored : new java.io.ByteArrayInputStream(openFile(context, key, stored.readAllBytes()));
    }

    public byte[] openFile(String context, Document key, byte[] sealed) {
        Envelope envelope = open(context, key);
        try {
            return envelope.unsealBytes("file", sealed);
        } finally {
            envelope.forget();
        }
    }
}
