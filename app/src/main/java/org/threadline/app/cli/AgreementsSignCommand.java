package org.threadline.app.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.threadline.domain.governance.agreements.Agreement;
import org.threadline.domain.governance.agreements.AgreementSigner;
import org.threadline.domain.governance.agreements.Agreements;
import org.threadline.domain.governance.agreements.Party;
import org.threadline.domain.governance.agreements.TrustedKeys;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ./threadline agreements sign}: adds (or replaces) Ed25519 signatures in agreement files, keeping their
 * comments and layout. One party with its own key, or — for the synthetic demo only — every party with the demo keys
 * in {@code config/agreements/keys/demo/}.
 */
@Command(name = "sign", mixinStandardHelpOptions = true,
        description = {"Sign agreement files in place: --party P --key-id ID --key PRIVATE.pem --signer NAME, or"
            + " --demo (every party, with the DEMO keys under config/agreements/keys/demo: never for production)."})
final class AgreementsSignCommand implements Callable<Integer> {

    static final class Who {
        @Option(names = "--demo", required = true, description = "Sign for every party with its demo key.")
        boolean demo;

        @ArgGroup(exclusive = false)
        One one;
    }

    static final class One {
        @Option(names = "--party", required = true) String party;
        @Option(names = "--key-id", required = true) String keyId;
        @Option(names = "--key", required = true, description = "Ed25519 private key, PEM (PKCS#8).") Path key;
        @Option(names = "--signer", required = true, description = "Who signs, e.g. \"Caldicott Guardian\".")
        String signer;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Who who;

    @Parameters(paramLabel = "FILE", arity = "1..*")
    List<Path> files = new ArrayList<>();

    @Option(names = "--keys", description = "Trusted public keys (default: config/agreements/keys/trusted-keys.yaml).")
    Path keys;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path keyList = keys != null ? keys : AgreementsCommand.trustedKeys();
        TrustedKeys trusted = Agreements.loadKeys(keyList);
        PrintWriter out = spec.commandLine().getOut();
        int failures = 0;
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Agreement agreement = Agreements.parse(text, file.toString());
            Agreement signed = who.demo ? signAsDemo(agreement, trusted, keyList.getParent().resolve("demo"))
                    : AgreementSigner.sign(agreement, who.one.party, who.one.signer, who.one.keyId,
                        AgreementSigner.privateKeyFromPem(Files.readString(who.one.key)));
            String result = Agreements.withSignatures(text, signed);
            Files.writeString(file, result, StandardCharsets.UTF_8);
            Agreements.Check check = Agreements.check(result, file.toString(), trusted);
            out.println(file + ": signed " + signed.reference() + (check.ok() ? " (checks)" : ""));
            if (!check.ok()) {
                check.problems().forEach(out::println);
                failures++;
            }
        }
        return failures == 0 ? 0 : ThreadlineCommand.FAILURE;
    }

    private static Agreement signAsDemo(Agreement agreement, TrustedKeys trusted, Path demoFolder) throws Exception {
        Agreement signed = agreement;
        for (Party party : agreement.parties()) {
            TrustedKeys.TrustedKey key = trusted.all().stream().filter(k -> k.demo() && k.party().equals(party.id()))
                    .findFirst().orElseThrow(() -> new UsageException("no demo key for party '" + party.id() + "' in "
                        + "the trusted keys"));
            Path pem = demoFolder.resolve(key.keyId() + ".pem");
            if (!Files.isRegularFile(pem)) {
                throw new UsageException("no demo private key " + pem);
            }
            PrivateKey privateKey = AgreementSigner.privateKeyFromPem(Files.readString(pem));
            signed = AgreementSigner.sign(signed, party.id(), "DEMO signer for " + party.id(), key.keyId(), privateKey);
        }
        return signed;
    }
}
