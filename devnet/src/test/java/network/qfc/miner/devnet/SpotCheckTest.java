package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.core.inference.EmbeddingResult;
import network.qfc.miner.core.inference.InferenceEngine;
import network.qfc.miner.core.protocol.Blake3;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spot checks and challenges with the real model: the miner side embeds with its own engine instance, the devnet
 * re-executes with another; proofs are signed and sent over real HTTP.
 */
class SpotCheckTest {
    private static InferenceEngine minerEngine;
    private final ManualClock clock = new ManualClock(1_800_000_000_000L);
    private final ValidatorKey key = ValidatorKey.generate(new SecureRandom());
    private final List<DevnetEvent> events = new CopyOnWriteArrayList<>();
    private DevnetNode node;
    private TestMiner miner;

    @BeforeAll
    static void engine() {
        minerEngine = new InferenceEngine(DevnetTestModels.cpu());
    }

    @AfterAll
    static void closeEngine() {
        minerEngine.close();
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private void start(DevnetConfig config) {
        node = DevnetNode.start(config.withPort(0).withClock(clock).withJailMs(120_000)
                .withValidatorPublicKeys(List.of(key.publicKeyHex())), Optional.of(DevnetTestModels.verifier()));
        node.addListener(events::add);
        miner = new TestMiner(key, new RpcClient(node.url()));
    }

    private static DevnetConfig everyProofChecked() {
        return DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withSpotCheckRate(OptionalDouble.of(1.0)).withChallengeRate(OptionalDouble.of(0));
    }

    private static EmbeddingResult embed(JsonNode task) {
        return minerEngine.embed(DevnetTestModels.EMBED_SMALL, DevnetTestModels.embedSmall(),
                Hex.decode("inputData", task.get("inputData").asText()));
    }

    private JsonNode submitHonest(JsonNode task) {
        EmbeddingResult r = embed(task);
        return miner.submit(task, miner.proof(task, r.outputHash()), r.outputBytes());
    }

    private JsonNode standing() {
        return miner.rpc.result("qfc_getValidators", null).get(0);
    }

    private BigInteger consensusStake() {
        String hex = miner.rpc.result("qfc_getValidatorScoreBreakdown", RpcClient.params(key.address().hex()))
                .get("stake").asText();
        return new BigInteger(hex.substring(2), 16);
    }

    @Test
    void honestProofsFromRealEmbeddingsPassTheSpotCheckOnTheExactHash() {
        start(everyProofChecked());
        for (int i = 1; i <= 4; i++) {
            JsonNode task = miner.fetchTask();
            JsonNode r = submitHonest(task);
            assertThat(r.get("accepted").asBoolean()).as(r.toString()).isTrue();
            assertThat(r.get("spotChecked").asBoolean()).isTrue();
            assertThat(r.get("message").asText()).isEqualTo("Proof accepted, spot-check passed (exact hash)");
            assertThat(standing().get("tasksCompleted").asText()).isEqualTo(Integer.toString(i));
            assertThat(standing().get("inferenceScore").asText()).isEqualTo(Long.toString(i * 1_000_000_000L));
        }
        JsonNode stats = miner.rpc.result("qfc_getInferenceStats", null);
        assertThat(stats.get("tasksCompleted").asText()).isEqualTo("4");
        assertThat(stats.get("passRate").asText()).isEqualTo("100.00");
    }

    @Test
    void theLatestGenerationReExecutesAStandaloneMinersLayoutCProofButCannotSlashIt() {
        start(everyProofChecked().withGeneration(NodeGeneration.LATEST));
        TestMiner standalone = new TestMiner(ValidatorKey.generate(new SecureRandom()), miner.rpc);
        assertThat(standalone.register("CPU", 100).get("registered").asBoolean()).isTrue();
        JsonNode task = standalone.fetchTask();
        EmbeddingResult r = embed(task);
        long now = node.nodeTimeMs() / 1000;
        JsonNode honest = standalone.submit(task,
                standalone.proofIn(network.qfc.miner.core.protocol.ProofLayout.C, task, r.outputHash(), 0, now),
                r.outputBytes());
        assertThat(honest.get("accepted").asBoolean()).as(honest.toString()).isTrue();
        assertThat(honest.get("message").asText()).isEqualTo("Proof accepted, spot-check passed (exact hash)");

        JsonNode next = standalone.fetchTask();
        byte[] wrong = r.outputHash().clone();
        wrong[31] ^= 1;
        JsonNode forged = standalone.submit(next,
                standalone.proofIn(network.qfc.miner.core.protocol.ProofLayout.C, next, wrong, 0, now), null);
        assertThat(forged.get("accepted").asBoolean()).isFalse();
        assertThat(forged.get("spotChecked").asBoolean()).isTrue();
        assertThat(forged.get("message").asText()).isEqualTo("Proof rejected: spot-check failed (output hash mismatch)");
        assertThat(events).noneMatch(e -> e instanceof DevnetEvent.Slashed);
        assertThat(node.standing(standalone.key.address())).as("slashing acts on validators only").isEmpty();
    }

    @Test
    void theNodesEmptyInputSyntheticTasksAreReExecutedToo() {
        start(everyProofChecked().withSyntheticRate(1.0));
        JsonNode task = miner.fetchTask();
        assertThat(task.get("inputData").asText()).isEmpty();
        JsonNode r = submitHonest(task);
        assertThat(r.get("accepted").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("spotChecked").asBoolean()).isTrue();
    }

    @Test
    void aTamperedOutputIsCaughtSlashedJailedRefusedAndReleasedAfterTheJail() {
        start(everyProofChecked());
        BigInteger stakeBefore = consensusStake();
        String chainStake = miner.rpc.result("qfc_getStake", RpcClient.params(key.address().hex())).asText();

        JsonNode task = miner.fetchTask();
        byte[] tampered = embed(task).outputHash();
        tampered[31] ^= 1;
        JsonNode r = miner.submit(task, miner.proof(task, tampered), null);
        assertThat(r.get("accepted").asBoolean()).isFalse();
        assertThat(r.get("spotChecked").asBoolean()).isTrue();
        assertThat(r.get("message").asText()).isEqualTo("Proof rejected: spot-check failed (output hash mismatch)");

        assertThat(consensusStake()).isEqualTo(stakeBefore.multiply(BigInteger.valueOf(95)).divide(BigInteger.valueOf(100)));
        assertThat(miner.rpc.result("qfc_getStake", RpcClient.params(key.address().hex())).asText()).isEqualTo(chainStake);
        assertThat(standing().get("isActive").asBoolean()).isFalse();
        assertThat(standing().get("tasksCompleted").asText()).isEqualTo("0");
        assertThat(events).anyMatch(e -> e instanceof DevnetEvent.Slashed s && s.jailUntilMs() == clock.millis() + 120_000);

        JsonNode next = miner.fetchTask();
        JsonNode refused = submitHonest(next);
        assertThat(refused.get("accepted").asBoolean()).isFalse();
        assertThat(refused.get("message").asText()).isEqualTo("Validator is inactive or jailed");

        clock.advance(120_000);
        assertThat(standing().get("isActive").asBoolean()).isTrue();
        JsonNode after = miner.fetchTask();
        assertThat(submitHonest(after).get("accepted").asBoolean()).isTrue();
        assertThat(miner.rpc.result("qfc_getInferenceStats", null).get("passRate").asText()).isEqualTo("50.00");
    }

    @Test
    void underTheNodesRuleOnlyLowFirstBytesAreChecked() {
        start(DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withChallengeRate(OptionalDouble.of(0)));
        JsonNode task = miner.fetchTask();
        byte[] lie = embed(task).outputHash();
        lie[0] = (byte) 200; // >= 12: the node does not re-execute
        JsonNode unchecked = miner.submit(task, miner.proof(task, lie), null);
        assertThat(unchecked.get("accepted").asBoolean()).isTrue();
        assertThat(unchecked.get("spotChecked").asBoolean()).isFalse();
        lie[0] = 11; // < 12: re-executed, caught
        JsonNode checked = miner.submit(task, miner.proof(task, lie), null);
        assertThat(checked.get("spotChecked").asBoolean()).isTrue();
        assertThat(checked.get("accepted").asBoolean()).isFalse();
    }

    private static byte[] nudged(EmbeddingResult r, float delta) {
        float[] v = r.vector();
        v[0] += delta;
        v[1] -= delta;
        float s = 0f;
        for (float x : v) {
            s += x * x;
        }
        float n = (float) Math.sqrt(s);
        ByteBuffer b = ByteBuffer.allocate(v.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x / n);
        }
        return b.array();
    }

    @Test
    void tolerantVerificationPassesANearVectorOnCosineAndSaysSo() {
        start(everyProofChecked().withTolerantVerification(true));
        JsonNode task = miner.fetchTask();
        byte[] near = nudged(embed(task), 3e-3f); // cosine about 0.99999
        JsonNode r = miner.submit(task, miner.proof(task, Blake3.hash(near)), near);
        assertThat(r.get("accepted").asBoolean()).as(r.toString()).isTrue();
        assertThat(r.get("spotChecked").asBoolean()).isTrue();
        assertThat(r.get("message").asText()).startsWith("Proof accepted, spot-check passed (cosine 0.99999")
                .endsWith(">= 0.9999 (tolerant))");

        JsonNode exact = miner.fetchTask();
        assertThat(submitHonest(exact).get("message").asText()).contains("(exact hash)");

        JsonNode other = miner.fetchTask();
        byte[] wrong = minerEngine.embed(DevnetTestModels.EMBED_SMALL, DevnetTestModels.embedSmall(),
                "something else entirely".getBytes(StandardCharsets.UTF_8)).outputBytes();
        JsonNode far = miner.submit(other, miner.proof(other, Blake3.hash(wrong)), wrong);
        assertThat(far.get("accepted").asBoolean()).isFalse();
        assertThat(far.get("message").asText()).isEqualTo("Proof rejected: spot-check failed (output hash mismatch)");
    }

    @Test
    void withoutTheTolerantOptionANearVectorIsSlashed() {
        start(everyProofChecked());
        JsonNode task = miner.fetchTask();
        byte[] near = nudged(embed(task), 1e-4f);
        JsonNode r = miner.submit(task, miner.proof(task, Blake3.hash(near)), near);
        assertThat(r.get("accepted").asBoolean()).isFalse();
        assertThat(standing().get("isActive").asBoolean()).isFalse();
    }

    @Test
    void knownAnswerChallengesPassHonestMinersAndCostCheatersReputation() {
        start(DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withSpotCheckRate(OptionalDouble.of(0)).withChallengeRate(OptionalDouble.of(1.0)));
        JsonNode task = miner.fetchTask();
        JsonNode passed = submitHonest(task);
        assertThat(passed.get("accepted").asBoolean()).as(passed.toString()).isTrue();
        assertThat(passed.get("spotChecked").asBoolean()).isTrue();
        assertThat(passed.get("message").asText()).isEqualTo("Challenge result: Passed (exact hash)");
        assertThat(standing().get("tasksCompleted").asText()).as("the node scores no challenge").isEqualTo("0");

        JsonNode cheat = miner.fetchTask();
        byte[] lie = new byte[32];
        lie[0] = 99;
        JsonNode failed = miner.submit(cheat, miner.proof(cheat, lie), null);
        assertThat(failed.get("accepted").asBoolean()).isFalse();
        assertThat(failed.get("message").asText()).isEqualTo("Challenge result: Failed { similarity: 0.0 }");
        JsonNode b = miner.rpc.result("qfc_getValidatorScoreBreakdown", RpcClient.params(key.address().hex()));
        assertThat(b.get("metrics").get("reputationPercent").asText()).isEqualTo("45.00");
        assertThat(standing().get("isActive").asBoolean()).as("one failure costs reputation only").isTrue();
        for (int i = 0; i < 2; i++) {
            JsonNode t = miner.fetchTask();
            miner.submit(t, miner.proof(t, lie), null);
        }
        assertThat(standing().get("isActive").asBoolean()).as("3 failures in a row: slashed and jailed").isFalse();
    }

    @Test
    void aSubmittedProofIsTheOneTheDevnetDecoded() {
        start(everyProofChecked());
        JsonNode task = miner.fetchTask();
        EmbeddingResult r = embed(task);
        InferenceProof proof = miner.proof(task, r.outputHash());
        assertThat(InferenceProof.decode(proof.toBytes())).isEqualTo(proof);
        assertThat(miner.submit(task, proof, r.outputBytes()).get("accepted").asBoolean()).isTrue();
        assertThat(events).anyMatch(e -> e instanceof DevnetEvent.ProofAnswered a
                && a.taskId().equals(task.get("taskId").asText()) && a.rule().equals("exact hash"));
    }
}
