package org.threadline.domain.governance.agreements;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Ed25519 public keys that may sign agreements, each bound to one party. Read from a YAML list
 * ({@code config/agreements/keys.yaml}); a signature by a key that is not here, or by one party's key on behalf of
 * another, does not count.
 */
public final class TrustedKeys {
    private static final Set<String> KEY = Set.of("keyId", "party", "publicKey", "demo", "note");
    private final Map<String, TrustedKey> byId;

    private TrustedKeys(Map<String, TrustedKey> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** One trusted key; {@code demo} keys are for the synthetic demo only and say so wherever they are used. */
    public record TrustedKey(String keyId, String party, PublicKey publicKey, boolean demo) {
    }

    public static TrustedKeys of(List<TrustedKey> keys) {
        Map<String, TrustedKey> map = new LinkedHashMap<>();
        keys.forEach(k -> map.put(k.keyId(), k));
        return new TrustedKeys(map);
    }

    public static TrustedKeys none() {
        return new TrustedKeys(Map.of());
    }

    public Optional<TrustedKey> key(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    public List<TrustedKey> all() {
        return List.copyOf(byId.values());
    }

    /** Reads a key list, reporting every bad entry at its path. */
    static TrustedKeys read(JsonNode root, Problems problems) {
        Yaml yaml = new Yaml(problems);
        List<TrustedKey> keys = new ArrayList<>();
        if (!yaml.mapping(root, "", "a key list ({keys: [...]})")) {
            return of(keys);
        }
        yaml.onlyKnownKeys(root, "", Set.of("keys"));
        List<JsonNode> nodes = yaml.list(root, "", "keys");
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int i = 0; i < nodes.size(); i++) {
            String path = Yaml.at("keys", i);
            JsonNode n = nodes.get(i);
            if (!yaml.mapping(n, path, "a key")) {
                continue;
            }
            yaml.onlyKnownKeys(n, path, KEY);
            Optional<String> keyId = yaml.requiredText(n, path, "keyId");
            Optional<String> party = yaml.requiredText(n, path, "party");
            Optional<PublicKey> publicKey = yaml.requiredText(n, path, "publicKey")
                    .flatMap(text -> publicKey(text, Yaml.at(path, "publicKey"), problems));
            boolean demo = yaml.flag(n, path, "demo");
            keyId.filter(id -> seen.putIfAbsent(id, 0) != null)
                    .ifPresent(id -> problems.add(Yaml.at(path, "keyId"), "key id '" + id + "' is listed twice"));
            if (keyId.isPresent() && party.isPresent() && publicKey.isPresent()) {
                keys.add(new TrustedKey(keyId.get(), party.get(), publicKey.get(), demo));
            }
        }
        return of(keys);
    }

    private static Optional<PublicKey> publicKey(String base64, String path, Problems problems) {
        try {
            return Optional.of(KeyFactory.getInstance("Ed25519")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64.strip()))));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            problems.add(path, "not an Ed25519 public key (base64 of its X.509 encoding): " + e.getMessage());
            return Optional.empty();
        }
    }
}
