package org.threadline.domain.governance.agreements;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The bytes every party signs. Made from the agreement as read, not from the file's text, so comments, key order,
 * quoting and flow or block style do not change it: the agreement without its signatures, written by
 * {@link AgreementWriter}, with every mapping's keys sorted, as compact JSON in UTF-8. What is signed is the
 * domain-separated SHA-256 of those bytes ({@link #signedMessage}), so a signature over an agreement can never be
 * replayed as a signature over anything else Threadline signs.
 */
public final class CanonicalForm {
    static final String DOMAIN = "threadline-isa-v1:";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CanonicalForm() {
    }

    public static byte[] bytes(Agreement agreement) {
        try {
            return JSON.writeValueAsBytes(sorted(AgreementWriter.tree(agreement, false)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an agreement tree always serialises", e);
        }
    }

    /** The SHA-256 of the canonical form, hex: what {@code agreements check} prints and audit events cite. */
    public static String contentHash(Agreement agreement) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes(agreement)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    static byte[] signedMessage(Agreement agreement) {
        return (DOMAIN + contentHash(agreement)).getBytes(StandardCharsets.UTF_8);
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.stream().sorted().forEach(n -> out.set(n, sorted(node.get(n))));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(sorted(e)));
            return out;
        }
        return node;
    }
}
