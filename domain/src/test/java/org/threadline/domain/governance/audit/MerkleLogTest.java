package org.threadline.domain.governance.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Merkle log")
class MerkleLogTest {
    static final int MAX = 70;
    static final HexFormat HEX = HexFormat.of();

    /** Leaf inputs of every length 0..69, seeded, so odd sizes and empty inputs are all exercised. */
    static List<byte[]> leaves(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] b = new byte[i % 70];
            random.nextBytes(b);
            out.add(b);
        }
        return out;
    }

    static MerkleLog logOf(List<byte[]> inputs) {
        MerkleLog log = new MerkleLog();
        inputs.forEach(i -> log.append(MerkleHashes.leaf(i)));
        return log;
    }

    @Test
    void reproduces_the_rfc_6962_test_vector_roots_for_sizes_1_to_8() {
        // The eight leaves and roots of certificate-transparency's merkle_tree_test (the vectors RFC 9162 keeps).
        String[] inputs = {"", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f"};
        String[] roots = {
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
            "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
            "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328"};
        MerkleLog log = new MerkleLog();
        for (String in : inputs) {
            log.append(MerkleHashes.leaf(HEX.parseHex(in)));
        }
        for (int size = 1; size <= 8; size++) {
            assertThat(HEX.formatHex(log.root(size))).as("root of size %d", size).isEqualTo(roots[size - 1]);
        }
        assertThat(HEX.formatHex(log.root(0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void roots_of_every_size_up_to_70_equal_the_reference_and_the_frontier_fold() {
        List<byte[]> inputs = leaves(MAX, 1);
        MerkleLog log = logOf(inputs);
        for (int n = 0; n <= MAX; n++) {
            byte[] expected = ReferenceMerkleTree.mth(inputs.subList(0, n));
            assertThat(log.root(n)).as("size %d", n).isEqualTo(expected);
            List<byte[]> frontier = new ArrayList<>();
            for (NodeRef ref : MerkleLog.frontier(n)) {
                MerkleLog part = logOf(inputs.subList((int) ref.firstLeaf(), (int) ref.firstLeaf() + (1 << ref.level())));
                frontier.add(part.root(part.size()));
            }
            assertThat(MerkleLog.rootFromFrontier(frontier)).as("frontier fold, size %d", n).isEqualTo(expected);
        }
    }

    @Test
    void every_inclusion_proof_up_to_size_70_equals_the_reference_and_verifies() {
        List<byte[]> inputs = leaves(MAX, 2);
        MerkleLog log = logOf(inputs);
        int verified = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] root = ReferenceMerkleTree.mth(inputs.subList(0, n));
            for (int m = 0; m < n; m++) {
                List<byte[]> proof = log.inclusionProof(m, n);
                assertThat(proof).as("PATH(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare)
                        .containsExactlyElementsOf(ReferenceMerkleTree.path(m, inputs.subList(0, n)));
                assertThat(MerkleProofs.verifyInclusion(m, n, MerkleHashes.leaf(inputs.get(m)), proof, root))
                        .as("inclusion of %d in %d", m, n).isTrue();
                verified++;
            }
        }
        assertThat(verified).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void every_consistency_proof_up_to_size_70_equals_the_reference_and_verifies() {
        List<byte[]> inputs = leaves(MAX, 3);
        MerkleLog log = logOf(inputs);
        int verified = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] second = ReferenceMerkleTree.mth(inputs.subList(0, n));
            for (int m = 1; m <= n; m++) {
                List<byte[]> proof = log.consistencyProof(m, n);
                List<byte[]> expected = m == n ? List.of() : ReferenceMerkleTree.proof(m, inputs.subList(0, n));
                assertThat(proof).as("PROOF(%d, D[%d])", m, n)
                        .usingElementComparator(java.util.Arrays::compare).containsExactlyElementsOf(expected);
                byte[] first = ReferenceMerkleTree.mth(inputs.subList(0, m));
                assertThat(MerkleProofs.verifyConsistency(m, n, first, second, proof))
                        .as("consistency %d -> %d", m, n).isTrue();
                verified++;
            }
        }
        assertThat(verified).isEqualTo(MAX * (MAX + 1) / 2);
    }

    @Test
    void no_forged_inclusion_proof_is_accepted() {
        List<byte[]> inputs = leaves(MAX, 4);
        MerkleLog log = logOf(inputs);
        SplittableRandom random = new SplittableRandom(44);
        int tried = 0;
        for (int n = 1; n <= MAX; n++) {
            byte[] root = log.root(n);
            for (int m = 0; m < n; m++) {
                byte[] leaf = log.leaf(m);
                List<byte[]> proof = log.inclusionProof(m, n);
                for (List<byte[]> forged : forgeries(proof, random)) {
                    assertThat(MerkleProofs.verifyInclusion(m, n, leaf, forged, root))
                            .as("forged proof for %d in %d (seed 44)", m, n).isFalse();
                    tried++;
                }
                assertThat(MerkleProofs.verifyInclusion(m, n, MerkleHashes.leaf("other".getBytes(StandardCharsets.UTF_8)),
                        proof, root)).isFalse();
                tried++;
                if (n > 1) {
                    assertThat(MerkleProofs.verifyInclusion((m + 1) % n, n, leaf, proof, root))
                            .as("proof for %d moved to another index in %d", m, n).isFalse();
                    tried++;
                }
                // (A proof can fit a different size with the same root, e.g. leaf 0 of 3 and of 4: the signed
                // checkpoint binds size and root together, so only the index bound is checked here.)
                assertThat(MerkleProofs.verifyInclusion(n, n, leaf, proof, root)).isFalse();
                tried++;
            }
        }
        System.out.printf("Forged inclusion proofs rejected: %d of %d%n", tried, tried);
    }

    @Test
    void no_forged_consistency_proof_is_accepted() {
        List<byte[]> inputs = leaves(MAX, 5);
        MerkleLog log = logOf(inputs);
        SplittableRandom random = new SplittableRandom(55);
        int tried = 0;
        for (int n = 2; n <= MAX; n++) {
            for (int m = 1; m < n; m++) {
                byte[] first = log.root(m);
                byte[] second = log.root(n);
                List<byte[]> proof = log.consistencyProof(m, n);
                for (List<byte[]> forged : forgeries(proof, random)) {
                    assertThat(MerkleProofs.verifyConsistency(m, n, first, second, forged))
                            .as("forged proof %d -> %d (seed 55)", m, n).isFalse();
                    tried++;
                }
                byte[] otherFirst = first.clone();
                otherFirst[0] ^= 1;
                assertThat(MerkleProofs.verifyConsistency(m, n, otherFirst, second, proof)).isFalse();
                byte[] otherSecond = second.clone();
                otherSecond[31] ^= 1;
                assertThat(MerkleProofs.verifyConsistency(m, n, first, otherSecond, proof)).isFalse();
                assertThat(MerkleProofs.verifyConsistency(n, m, second, first, proof)).isFalse();
                tried += 3;
            }
        }
        System.out.printf("Forged consistency proofs rejected: %d of %d%n", tried, tried);
    }

    /** A proof with one hash flipped, one dropped, one added, and two hashes swapped (where that changes it). */
    static List<List<byte[]>> forgeries(List<byte[]> proof, SplittableRandom random) {
        List<List<byte[]>> out = new ArrayList<>();
        if (!proof.isEmpty()) {
            List<byte[]> flipped = new ArrayList<>(proof);
            int i = random.nextInt(proof.size());
            byte[] h = proof.get(i).clone();
            h[random.nextInt(32)] ^= (byte) (1 << random.nextInt(8));
            flipped.set(i, h);
            out.add(flipped);
            out.add(new ArrayList<>(proof.subList(0, proof.size() - 1)));
        }
        List<byte[]> longer = new ArrayList<>(proof);
        byte[] extra = new byte[32];
        random.nextBytes(extra);
        longer.add(extra);
        out.add(longer);
        if (proof.size() > 1 && !java.util.Arrays.equals(proof.get(0), proof.get(1))) {
            List<byte[]> swapped = new ArrayList<>(proof);
            swapped.set(0, proof.get(1));
            swapped.set(1, proof.get(0));
            out.add(swapped);
        }
        return out;
    }
}
