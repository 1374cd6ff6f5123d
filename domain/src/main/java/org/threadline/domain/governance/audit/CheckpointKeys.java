package org.threadline.domain.governance.audit;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The public keys a verifier trusts, by key id. They must come from outside the database being verified (a file
 * the operator holds, a partner's copy): a key read from the audited database proves nothing, since whoever can
 * rewrite the log could replace the key too.
 */
public final class CheckpointKeys {
    private final Map<String, PublicKey> byId = new LinkedHashMap<>();

    public CheckpointKeys(Iterable<PublicKey> keys) {
        for (PublicKey k : keys) {
            byId.put(keyId(k), k);
        }
    }

    /** The first 8 bytes of SHA-256 over the key's X.509 encoding, in hex: short, stable, printable. */
    public static String keyId(PublicKey key) {
        return HexFormat.of().formatHex(Sha256.of(key.getEncoded()), 0, 8);
    }

    public Set<String> ids() {
        return byId.keySet();
    }

    /** True when a trusted key signed exactly this checkpoint. */
    public boolean verify(Checkpoint c) {
        PublicKey key = byId.get(c.keyId());
        if (key == null) {
            return false;
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update(c.signedText());
            return s.verify(c.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
