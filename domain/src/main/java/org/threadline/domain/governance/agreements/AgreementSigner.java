package org.threadline.domain.governance.agreements;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Ed25519 signatures over an agreement's {@link CanonicalForm}, with the JDK's own provider (no extra library). A
 * party signing again replaces its earlier signature; the signed content is the same for every party.
 */
public final class AgreementSigner {
    private AgreementSigner() {
    }

    /** The agreement with {@code party}'s signature added (or replaced). */
    public static Agreement sign(Agreement agreement, String party, String signer, String keyId, PrivateKey key) {
        String sig;
        try {
            java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
            ed.initSign(key);
            ed.update(CanonicalForm.signedMessage(agreement));
            sig = Base64.getEncoder().encodeToString(ed.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with key " + keyId + ": " + e.getMessage(), e);
        }
        List<Signature> signatures = new ArrayList<>(agreement.signatures());
        signatures.removeIf(s -> s.party().equals(party));
        signatures.add(new Signature(party, signer, keyId, sig));
        return agreement.withSignatures(signatures);
    }

    /** True when {@code signature} is a valid Ed25519 signature by {@code key} over the agreement. */
    static boolean verifies(Agreement agreement, Signature signature, java.security.PublicKey key) {
        try {
            java.security.Signature ed = java.security.Signature.getInstance("Ed25519");
            ed.initVerify(key);
            ed.update(CanonicalForm.signedMessage(agreement));
            return ed.verify(Base64.getDecoder().decode(signature.sig()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Reads an Ed25519 private key written as PEM ({@code -----BEGIN PRIVATE KEY-----}, PKCS#8). */
    public static PrivateKey privateKeyFromPem(String pem) {
        String body = pem.lines().filter(l -> !l.startsWith("-----") && !l.startsWith("#"))
                .map(String::strip).reduce("", String::concat);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body.getBytes(StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an Ed25519 private key in PEM (PKCS#8): " + e.getMessage(), e);
        }
    }
}
