package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline agreements keygen}: a new Ed25519 key pair for a party. Writes the private key (PEM) and prints
 * the entry to add to the trusted key list. A real party keeps its private key in its own HSM or smartcard; this
 * command is for the demo and for tests.
 */
@Command(name = "keygen", mixinStandardHelpOptions = true,
        description = {"Generate an Ed25519 signing key for a party: writes the private key as PEM and prints the"
            + " trusted-keys entry. For the demo and tests; real parties keep keys in an HSM."})
final class AgreementsKeygenCommand implements Callable<Integer> {

    @Option(names = "--party", required = true) String party;
    @Option(names = "--key-id", required = true) String keyId;
    @Option(names = "--out", required = true, description = "Where to write the private key (PEM).") Path out;
    @Option(names = "--demo", description = "Mark the key as a demo key in the printed entry.") boolean demo;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (Files.exists(out)) {
            throw new UsageException(out + " exists: a key is never overwritten");
        }
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        Files.writeString(out, pem, StandardCharsets.US_ASCII);
        PrintWriter w = spec.commandLine().getOut();
        w.println("  - {keyId: " + keyId + ", party: " + party + ", demo: " + demo + ",");
        w.println("     publicKey: " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "}");
        return 0;
    }
}
