package org.threadline.app.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.threadline.app.home.ThreadlineHome;
import org.threadline.domain.governance.audit.CheckpointSigner;

/**
 * The checkpoint signing key, as PEM files under {@code THREADLINE_HOME/keys}: {@value #PRIVATE} (PKCS#8, readable by
 * its owner only) and {@value #PUBLIC} (X.509, to hand to anyone who verifies). Created on first use. A production
 * deployment keeps the private key in an HSM instead (see docs/audit.md).
 */
public final class AuditKeyFiles {
    public static final String PRIVATE = "audit-checkpoint-ed25519.key";
    public static final String PUBLIC = "audit-checkpoint-ed25519.pub";

    private AuditKeyFiles() {
    }

    public static Path folder(ThreadlineHome home) {
        return home.root().resolve("keys");
    }

    public static Path publicKeyFile(ThreadlineHome home) {
        return folder(home).resolve(PUBLIC);
    }

    /** The signer for this installation, making its key pair the first time. */
    public static CheckpointSigner signer(ThreadlineHome home) throws IOException {
        Path priv = folder(home).resolve(PRIVATE);
        Path pub = publicKeyFile(home);
        if (!Files.exists(priv)) {
            create(priv, pub);
        }
        try {
            KeyFactory ed = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = ed.generatePrivate(new PKCS8EncodedKeySpec(pem(priv, "PRIVATE KEY")));
            return new CheckpointSigner(new KeyPair(readPublic(pub), privateKey));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not an Ed25519 key pair: " + priv + " / " + pub + " (" + e.getMessage() + ")", e);
        }
    }

    /** A public key file written by {@link #signer} (or handed over by another installation). */
    public static PublicKey readPublic(Path file) throws IOException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(pem(file, "PUBLIC KEY")));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("not an Ed25519 public key: " + file + " (" + e.getMessage() + ")", e);
        }
    }

    private static void create(Path priv, Path pub) throws IOException {
        Files.createDirectories(priv.getParent());
        KeyPair pair = CheckpointSigner.newKeyPair();
        try {
            Files.createFile(priv, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(priv);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use theirs
        }
        Files.writeString(priv, toPem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        Files.writeString(pub, toPem("PUBLIC KEY", pair.getPublic().getEncoded()));
    }

    private static String toPem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] pem(Path file, String type) throws IOException {
        String text = Files.readString(file);
        String begin = "-----BEGIN " + type + "-----";
        String end = "-----END " + type + "-----";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IOException(file + " is not a PEM " + type);
        }
        return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
    }
}
