package dev.sessionledger.commons.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The one SHA-256 of the services: of bytes, or of text as UTF-8, its parts hashed one after another. */
public final class Sha256 {

    private Sha256() {
    }

    public static byte[] of(byte[]... parts) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
        for (byte[] part : parts) {
            sha.update(part);
        }
        return sha.digest();
    }

    public static byte[] of(String... parts) {
        byte[][] bytes = new byte[parts.length][];
        for (int i = 0; i < parts.length; i++) {
            bytes[i] = parts[i].getBytes(StandardCharsets.UTF_8);
        }
        return of(bytes);
    }
}
