package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.SecureRandom;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.ComputeTaskType;
import network.qfc.miner.core.protocol.Hex;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ModelId;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node's checks on a proof before any re-execution, in order, with its messages; and jail from the slash hook.
 * Output hashes here start with 0xab, above the spot-check threshold, so no model is involved.
 */
class ProofChecksTest {
    private static final byte[] HASH = TestMiner.filled((byte) 0xab);
    private final ManualClock clock = new ManualClock(1_800_000_000_000L);
    private final ValidatorKey key = ValidatorKey.generate(new SecureRandom());
    private final List<DevnetEvent> events = new CopyOnWriteArrayList<>();
    private DevnetNode node;
    private TestMiner miner;

    @BeforeEach
    void start() {
        node = DevnetNode.start(DevnetConfig.defaults().withEmulation(NodeEmulation.classic()).withPort(0).withClock(clock).withJailMs(60_000)
                .withChallengeRate(OptionalDouble.of(0)).withValidatorPublicKeys(List.of(key.publicKeyHex())));
        node.addListener(events::add);
        miner = new TestMiner(key, new RpcClient(node.url()));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private JsonNode submitRaw(JsonNode task, String proofHex) {
        return miner.rpc.callWith("qfc_submitInferenceProof", miner.submission(task, proofHex, HASH, null));
    }

    @Test
    void aWellFormedProofIsAcceptedAndMovesScoreAndTasks() {
        JsonNode task = miner.fetchTask();
        JsonNode r = miner.submit(task, miner.proof(task, HASH), null);
        assertThat(r.get("accepted").asBoolean()).isTrue();
        assertThat(r.get("spotChecked").asBoolean()).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Proof accepted");
        JsonNode v = miner.rpc.result("qfc_getValidators", null).get(0);
        assertThat(v.get("inferenceScore").asText()).isEqualTo("1000000000");
        assertThat(v.get("tasksCompleted").asText()).isEqualTo("1");
        assertThat(v.get("computeMode").asText()).isEqualTo("inference");
        JsonNode earnings = miner.rpc.result("qfc_getMinerEarnings", RpcClient.params(key.address().hex(), "day"));
        assertThat(earnings.get("totalEarnings").asText()).isEqualTo("0x2386f26fc10000"); // 0.01 QFC
        assertThat(earnings.get("records").get(0).get("taskCount").asInt()).isEqualTo(1);
        assertThat(events).anyMatch(e -> e instanceof DevnetEvent.ProofAnswered p && p.accepted());
    }

    @Test
    void wrongSignatureIsRefused() {
        JsonNode task = miner.fetchTask();
        ValidatorKey other = ValidatorKey.generate(new SecureRandom());
        InferenceProof good = miner.proof(task, HASH);
        InferenceProof forged = new InferenceProof(good.validator(), good.epoch(), good.taskType(), good.inputHash(),
                good.outputHash(), good.executionTimeMs(), good.flopsEstimated(), good.backend(), good.timestamp(),
                other.sign(good.signingDigest()));
        JsonNode r = miner.submit(task, forged, null);
        assertThat(r.get("accepted").asBoolean()).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Invalid proof signature");
    }

    @Test
    void epochMustBeWithinOneOfTheNodes() {
        clock.advance(50_000); // epoch 6
        JsonNode task = miner.fetchTask();
        assertThat(task.get("epoch").asLong()).isEqualTo(6);
        JsonNode near = miner.submit(task, miner.proof(task, HASH, 5, DevnetTestModels.EMBED_SMALL, 1_000_000_000L), null);
        assertThat(near.get("accepted").asBoolean()).isTrue();
        JsonNode far = miner.submit(task, miner.proof(task, HASH, 4, DevnetTestModels.EMBED_SMALL, 1_000_000_000L), null);
        assertThat(far.get("accepted").asBoolean()).isFalse();
        assertThat(far.get("message").asText()).isEqualTo("Proof rejected: Epoch mismatch: expected 6, got 4");
    }

    @Test
    void unapprovedModelAndUnreasonableFlopsAreRefused() {
        JsonNode task = miner.fetchTask();
        JsonNode model = miner.submit(task, miner.proof(task, HASH, task.get("epoch").asLong(),
                new ModelId("malicious-model", "v666"), 1_000_000_000L), null);
        assertThat(model.get("message").asText()).isEqualTo("Proof rejected: Model not in approved registry: malicious-model@v666");
        JsonNode tooMany = miner.submit(task, miner.proof(task, HASH, task.get("epoch").asLong(),
                DevnetTestModels.EMBED_SMALL, 10_000_000_001L), null);
        assertThat(tooMany.get("accepted").asBoolean()).isFalse();
        assertThat(tooMany.get("message").asText())
                .isEqualTo("Proof rejected: Unreasonable FLOPS claim: claimed 10000000001, expected ~1000000000");
        JsonNode tooFew = miner.submit(task, miner.proof(task, HASH, task.get("epoch").asLong(),
                DevnetTestModels.EMBED_SMALL, 9_999_999L), null);
        assertThat(tooFew.get("message").asText()).startsWith("Proof rejected: Unreasonable FLOPS claim: claimed 9999999,");
        JsonNode edge = miner.submit(task, miner.proof(task, HASH, task.get("epoch").asLong(),
                DevnetTestModels.EMBED_SMALL, 10_000_000L), null);
        assertThat(edge.get("accepted").asBoolean()).isTrue();
    }

    @Test
    void textGenerationFlopsFollowMaxTokens() {
        JsonNode task = miner.fetchTask();
        ComputeTaskType gen = new ComputeTaskType.TextGeneration(new ModelId("qfc-embed-small", "v1.0"), new byte[32], 128,
                0, 1);
        InferenceProof p = InferenceProof.unsigned(key.address(), task.get("epoch").asLong(), gen,
                Hex.decode("t", task.get("taskId").asText()), HASH, 5, 2L * 7_000_000_000L * 128, ComputeBackend.CPU, 1)
                .signedBy(key);
        assertThat(miner.submit(task, p, null).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void undecodableProofsAreExecutionErrorsWithTheNodesMessages() {
        JsonNode task = miner.fetchTask();
        String hex = miner.proof(task, HASH).proofBytesHex();
        JsonNode trailing = submitRaw(task, hex + "00");
        assertThat(trailing.get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(trailing.get("error").get("message").asText()).startsWith("Failed to deserialize proof: ");
        JsonNode prefixed = submitRaw(task, "0x" + hex);
        assertThat(prefixed.get("error").get("code").asInt()).isEqualTo(-32000);
        assertThat(prefixed.get("error").get("message").asText()).isEqualTo("Invalid proof hex: Invalid character 'x' at position 1");
        JsonNode odd = submitRaw(task, hex.substring(1));
        assertThat(odd.get("error").get("message").asText()).isEqualTo("Invalid proof hex: Odd number of digits");
        JsonNode truncated = submitRaw(task, hex.substring(0, hex.length() - 2));
        assertThat(truncated.get("error").get("message").asText()).startsWith("Failed to deserialize proof: ");
        String badTag = hex.substring(0, 56) + "07" + hex.substring(58); // the task_type tag after 20 + 8 bytes
        assertThat(submitRaw(task, badTag).get("error").get("code").asInt()).isEqualTo(-32000);
    }

    @Test
    void unknownValidatorIsRefused() {
        TestMiner stranger = new TestMiner(miner.rpc);
        JsonNode task = stranger.fetchTask();
        JsonNode r = stranger.submit(task, stranger.proof(task, HASH), null);
        assertThat(r.get("accepted").asBoolean()).isFalse();
        assertThat(r.get("message").asText()).isEqualTo("Unknown validator");
    }

    @Test
    void aSlashJailsLowersConsensusStakeAndTheJailEndsOnTheClock() {
        JsonNode before = miner.rpc.result("qfc_getValidatorScoreBreakdown", RpcClient.params(key.address().hex()));
        node.slash(key.address(), "demo");
        JsonNode after = miner.rpc.result("qfc_getValidatorScoreBreakdown", RpcClient.params(key.address().hex()));
        java.math.BigInteger stakeBefore = new java.math.BigInteger(before.get("stake").asText().substring(2), 16);
        java.math.BigInteger stakeAfter = new java.math.BigInteger(after.get("stake").asText().substring(2), 16);
        assertThat(stakeAfter).isEqualTo(stakeBefore.multiply(java.math.BigInteger.valueOf(95)).divide(java.math.BigInteger.valueOf(100)));
        assertThat(after.get("metrics").get("reputationPercent").asText()).isEqualTo("30.00");
        // v2.0: chain state does not move
        assertThat(miner.rpc.result("qfc_getStake", RpcClient.params(key.address().hex())).asText())
                .isEqualTo(before.get("stake").asText());
        assertThat(miner.rpc.result("qfc_getValidators", null).get(0).get("isActive").asBoolean()).isFalse();

        JsonNode task = miner.fetchTask();
        JsonNode jailed = miner.submit(task, miner.proof(task, HASH), null);
        assertThat(jailed.get("accepted").asBoolean()).isFalse();
        assertThat(jailed.get("message").asText()).isEqualTo("Validator is inactive or jailed");

        clock.advance(59_999);
        assertThat(miner.rpc.result("qfc_getValidators", null).get(0).get("isActive").asBoolean()).isFalse();
        clock.advance(1);
        assertThat(miner.rpc.result("qfc_getValidators", null).get(0).get("isActive").asBoolean()).isTrue();
        assertThat(events).anyMatch(e -> e instanceof DevnetEvent.Unjailed u && u.validator().equals(key.address()));
        JsonNode fresh = miner.fetchTask();
        assertThat(miner.submit(fresh, miner.proof(fresh, HASH), null).get("accepted").asBoolean()).isTrue();
    }

    @Test
    void duplicateSubmissionsAreAnsweredLikeTheNodeButCounted() {
        JsonNode task = miner.fetchTask();
        InferenceProof p = miner.proof(task, HASH);
        miner.submit(task, p, null);
        miner.submit(task, p, null);
        assertThat(node.state().submissionsFor(task.get("taskId").asText())).isEqualTo(2);
        assertThat(events).anyMatch(e -> e instanceof DevnetEvent.ProofAnswered a && a.duplicate());
    }
}
