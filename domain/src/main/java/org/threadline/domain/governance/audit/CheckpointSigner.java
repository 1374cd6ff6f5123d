package org.threadline.domain.governance.audit;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Instant;

/**
 * Signs checkpoints with an Ed25519 key through the JDK's own provider (no extra library). In production the key
 * belongs in an HSM reached through the JDK's PKCS#11 provider; the {@link java.security.PrivateKey} interface is
 * the same either way.
 */
public final class CheckpointSigner {
    private final KeyPair keys;
    private final String keyId;

    public CheckpointSigner(KeyPair keys) {
        if (!"EdDSA".equals(keys.getPublic().getAlgorithm()) && !"Ed25519".equals(keys.getPublic().getAlgorithm())) {
            throw new IllegalArgumentException("checkpoints are signed with Ed25519, not "
                    + keys.getPublic().getAlgorithm());
        }
        this.keys = keys;
        this.keyId = CheckpointKeys.keyId(keys.getPublic());
    }

    /** A fresh Ed25519 key pair. */
    public static KeyPair newKeyPair() {
        try {
            return java.security.KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make Ed25519 keys", e);
        }
    }

    public String keyId() {
        return keyId;
    }

    /** The public half, for {@link CheckpointKeys}. */
    public java.security.PublicKey publicKey() {
        return keys.getPublic();
    }

    public Checkpoint sign(long treeSize, byte[] rootHash, Instant time) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(keys.getPrivate());
            s.update(Checkpoint.signedText(treeSize, rootHash, time));
            return new Checkpoint(treeSize, rootHash, time, keyId, s.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing a checkpoint failed: " + e.getMessage(), e);
        }
    }
}
