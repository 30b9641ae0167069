package network.qfc.miner.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.OptionalDouble;
import network.qfc.miner.core.protocol.CanonicalFormat;
import network.qfc.miner.core.protocol.ComputeBackend;
import network.qfc.miner.core.protocol.InferenceProof;
import network.qfc.miner.core.protocol.ProofLayout;
import network.qfc.miner.core.protocol.ValidatorKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each generation's proof rules over real JSON-RPC on loopback: the layout it decodes and the refusal of the others,
 * the A epoch trap, the newest time rule, canonical format, duplicates, and the clock offset with its Date header.
 * Output hashes start with 0xab (above the spot-check threshold): no model is needed here.
 */
class GenerationProofRulesTest {
    private static final byte[] HASH = TestMiner.filled((byte) 0xab);
    private static final long START_MS = 1_800_000_000_000L;
    private final ManualClock clock = new ManualClock(START_MS);
    private final ValidatorKey key = ValidatorKey.generate(new SecureRandom());
    private DevnetNode node;
    private TestMiner miner;

    private TestMiner start(DevnetConfig config) {
        node = DevnetNode.start(config.withPort(0).withChallengeRate(OptionalDouble.of(0))
                .withValidatorPublicKeys(List.of(key.publicKeyHex())));
        miner = new TestMiner(key, new RpcClient(node.url()));
        return miner;
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    private long nowSeconds() {
        return node.nodeTimeMs() / 1000;
    }

    private JsonNode submitRaw(JsonNode task, InferenceProof proof) {
        return miner.rpc.callWith("qfc_submitInferenceProof", miner.submission(task, proof.proofBytesHex(), HASH, null));
    }

    @Test
    void eachGenerationDecodesItsOwnLayoutOnly() {
        for (NodeGeneration g : NodeGeneration.values()) {
            start(DevnetConfig.defaults().withClock(clock).withGeneration(g).withEpochTrap(false));
            JsonNode task = miner.fetchTask();
            for (ProofLayout layout : ProofLayout.values()) {
                InferenceProof p = miner.proofIn(layout, task, HASH, node.currentEpoch(), nowSeconds());
                JsonNode r = submitRaw(task, p);
                if (layout == g.layout()) {
                    assertThat(r.get("result").get("accepted").asBoolean()).as("%s on %s", layout, g).isTrue();
                } else if (g.layout() == ProofLayout.B && layout == ProofLayout.A) {
                    // the A proof with CPU (tag 2) decodes on a B node as ROCm, and its signature still verifies
                    assertThat(r.get("result").get("accepted").asBoolean()).as("A on rocm").isTrue();
                } else {
                    assertThat(r.get("error").get("code").asInt()).as("%s on %s", layout, g).isEqualTo(-32000);
                    assertThat(r.get("error").get("message").asText()).startsWith("Failed to deserialize proof: ");
                }
            }
            node.close();
            node = null;
        }
    }

    @Test
    void theV20EpochTrapRefusesTheTasksEpochAndNamesTheNodes() {
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.V2_0));
        clock.advance(25_000); // consensus epoch 3 (1 + uptime / 10 s)
        JsonNode task = miner.fetchTask();
        long taskEpoch = task.get("epoch").asLong();
        assertThat(taskEpoch).isEqualTo((START_MS + 25_000) / 10_000); // unix-ms / 10 000, as the node stamps tasks
        JsonNode epoch = miner.rpc.result("qfc_getEpoch", null);
        assertThat(epoch.get("number").asText()).isEqualTo("0x3");

        JsonNode refused = miner.submit(task, miner.proofIn(ProofLayout.A, task, HASH, taskEpoch, nowSeconds()), null);
        assertThat(refused.get("accepted").asBoolean()).isFalse();
        assertThat(refused.get("message").asText())
                .isEqualTo("Proof rejected: Epoch mismatch: expected 3, got " + taskEpoch);

        JsonNode accepted = miner.submit(task, miner.proofIn(ProofLayout.A, task, HASH, 3, nowSeconds()), null);
        assertThat(accepted.get("accepted").asBoolean()).isTrue();
        assertThat(accepted.has("rewardEstimate")).isFalse();
        JsonNode edge = miner.submit(task, miner.proofIn(ProofLayout.A, task, HASH, 4, 0), null);
        assertThat(edge.get("accepted").asBoolean()).as("+-1 and no timestamp rule").isTrue();
    }

    @Test
    void theRocmGenerationHasTheEpochRuleAndTheTrapToo() {
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.ROCM));
        JsonNode task = miner.fetchTask();
        JsonNode refused = miner.submit(task,
                miner.proofIn(ProofLayout.B, task, HASH, task.get("epoch").asLong(), nowSeconds()), null);
        assertThat(refused.get("message").asText()).startsWith("Proof rejected: Epoch mismatch: expected 1, got ");
    }

    @Test
    void theLatestTimeRuleIsTheTimestampWindowNotTheEpoch() {
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.LATEST));
        JsonNode task = miner.fetchTask();
        long now = nowSeconds();
        JsonNode old = miner.submit(task, miner.proofIn(ProofLayout.C, task, HASH, 0, now - 121), null);
        assertThat(old.get("accepted").asBoolean()).isFalse();
        assertThat(old.get("message").asText()).isEqualTo("Proof rejected: Proof expired: submitted at " + (now - 121)
                + ", but current time is " + now + " (121s old, max 120s)");
        JsonNode ahead = miner.submit(task, miner.proofIn(ProofLayout.C, task, HASH, 0, now + 11), null);
        assertThat(ahead.get("message").asText())
                .isEqualTo("Proof rejected: Proof timestamp is in the future: " + (now + 11) + " > " + now + " + 10s");
        for (long t : new long[] {now - 120, now + 10}) {
            JsonNode ok = miner.submit(task, miner.proofIn(ProofLayout.C, task, HASH, 987_654, t), null);
            assertThat(ok.get("accepted").asBoolean()).as("timestamp %d, any epoch", t).isTrue();
            assertThat(ok.get("rewardEstimate").asText()).isEqualTo("0x2386f26fc10000"); // 1e9 FLOPs x 1e7 wei
        }
    }

    @Test
    void theLatestChecksTheCanonicalFormatAfterTheModel() {
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.LATEST));
        JsonNode task = miner.fetchTask();
        InferenceProof gguf = miner.proofIn(ProofLayout.C, task, HASH, 0, nowSeconds())
                .withCanonicalFormat(CanonicalFormat.GGUF_Q4_K_M).signedBy(key);
        assertThat(miner.submit(task, gguf, null).get("message").asText()).isEqualTo("Proof rejected: Non-canonical "
                + "format: model qfc-embed-small@v1.0 requires safetensors-fp32, proof used gguf-q4_k_m");
    }

    @Test
    void aDuplicateIsAnsweredAsTheCodeReadDoesOrRefusedOnRequest() {
        for (NodeGeneration g : NodeGeneration.values()) {
            start(DevnetConfig.defaults().withClock(clock).withGeneration(g).withEpochTrap(false));
            JsonNode task = miner.fetchTask();
            InferenceProof p = miner.proofIn(g.layout(), task, HASH, node.currentEpoch(), nowSeconds());
            assertThat(miner.submit(task, p, null).get("accepted").asBoolean()).isTrue();
            JsonNode again = miner.submit(task, p, null);
            assertThat(again.get("accepted").asBoolean()).as("%s accepts a resend again", g).isTrue();
            assertThat(again.get("message").asText()).isEqualTo("Proof accepted");
            assertThat(node.standing(key.address()).orElseThrow().tasksCompleted()).isEqualTo(2);
            node.close();
        }
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.LATEST).withRefuseDuplicates(true));
        JsonNode task = miner.fetchTask();
        InferenceProof p = miner.proofIn(ProofLayout.C, task, HASH, 0, nowSeconds());
        JsonNode first = miner.submit(task, p, null);
        assertThat(first.get("accepted").asBoolean()).isTrue();
        JsonNode again = miner.submit(task, p, null);
        assertThat(again.get("accepted").asBoolean()).isFalse();
        assertThat(again.get("message").asText()).isEqualTo("Proof rejected: duplicate");
        assertThat(node.state().submissionsFor(task.get("taskId").asText())).isEqualTo(2);
    }

    @Test
    void theClockOffsetMovesTheTimeRuleTheDeadlinesAndTheDateHeader() {
        for (long offset : new long[] {30, -200}) {
            start(DevnetConfig.defaults().withGeneration(NodeGeneration.LATEST).withClockOffsetSeconds(offset));
            long expectedNodeMs = System.currentTimeMillis() + offset * 1000;
            assertThat(node.nodeTimeMs()).isCloseTo(expectedNodeMs, org.assertj.core.data.Offset.offset(5_000L));

            HttpResponse<String> post = miner.rpc.raw("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"qfc_getEpoch\"}");
            assertThat(dateOf(post)).isCloseTo(Instant.ofEpochMilli(expectedNodeMs),
                    org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
            HttpResponse<String> get = miner.rpc.send(HttpRequest.newBuilder(node.url()).GET()
                    .timeout(Duration.ofSeconds(10)).build());
            assertThat(get.statusCode()).isEqualTo(405);
            assertThat(dateOf(get)).isCloseTo(Instant.ofEpochMilli(expectedNodeMs),
                    org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
            JsonNode epoch = RpcClient.parse(post.body()).get("result");
            long startTime = Long.parseLong(epoch.get("startTime").asText().substring(2), 16);
            assertThat(startTime).isCloseTo(expectedNodeMs, org.assertj.core.data.Offset.offset(15_000L));

            JsonNode task = miner.fetchTask();
            assertThat(task.get("deadline").asLong()).isCloseTo(expectedNodeMs + 30_000,
                    org.assertj.core.data.Offset.offset(5_000L));
            long myClock = System.currentTimeMillis() / 1000;
            JsonNode byMyClock = miner.submit(task, miner.proofIn(ProofLayout.C, task, HASH, 0, myClock), null);
            assertThat(byMyClock.get("accepted").asBoolean()).as("stamped by this computer, offset %d", offset)
                    .isEqualTo(offset > -10 && offset < 120);
            if (offset < 0) {
                assertThat(byMyClock.get("message").asText()).contains("Proof timestamp is in the future");
            }
            JsonNode corrected = miner.submit(task,
                    miner.proofIn(ProofLayout.C, task, HASH, 0, myClock + offset), null);
            assertThat(corrected.get("accepted").asBoolean()).as("stamped with the node's time").isTrue();
            node.close();
            node = null;
        }
    }

    private static Instant dateOf(HttpResponse<String> response) {
        String date = response.headers().firstValue("Date").orElseThrow(() -> new AssertionError("no Date header"));
        return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }

    @Test
    void aRocmOrOpenClBackendNeedsTheNewerLayouts() {
        start(DevnetConfig.defaults().withClock(clock).withGeneration(NodeGeneration.ROCM).withEpochTrap(false));
        JsonNode task = miner.fetchTask();
        InferenceProof base = miner.proofIn(ProofLayout.B, task, HASH, node.currentEpoch(), nowSeconds());
        InferenceProof opencl = new InferenceProof(base.validator(), base.epoch(), base.taskType(), base.inputHash(),
                base.outputHash(), base.executionTimeMs(), base.flopsEstimated(), ComputeBackend.OPENCL,
                base.canonicalFormat(), base.timestamp(), null, ProofLayout.B).signedBy(key);
        assertThat(miner.submit(task, opencl, null).get("accepted").asBoolean()).isTrue();
    }
}
