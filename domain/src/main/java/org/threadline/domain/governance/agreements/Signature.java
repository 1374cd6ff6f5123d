package org.threadline.domain.governance.agreements;

import java.util.Objects;

/**
 * One party's Ed25519 signature over the agreement's canonical form ({@link CanonicalForm}).
 *
 * @param keyId the key in the trusted key list that verifies it
 * @param sig   the signature, base64
 */
public record Signature(String party, String signer, String keyId, String sig) {
    public Signature {
        Objects.requireNonNull(party, "party");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(sig, "sig");
    }
}
